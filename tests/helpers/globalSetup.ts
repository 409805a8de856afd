// With TEST_DATABASE=postgresql: start from a clean server and say which database is used.
import { dropTestDatabases, POSTGRES_URL, testDatabase } from "./database.js";

export default function setup() {
  if (testDatabase === "postgresql") {
    console.log(`Running the suite on PostgreSQL at ${POSTGRES_URL.replace(/\/\/[^@]*@/, "//")}`);
    dropTestDatabases();
    return () => dropTestDatabases();
  }
  return undefined;
}
