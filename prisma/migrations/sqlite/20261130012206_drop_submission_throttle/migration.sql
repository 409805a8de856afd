-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "SubmissionThrottle";
PRAGMA foreign_keys=on;

