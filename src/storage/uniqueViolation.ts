// Prisma's code for a unique-constraint violation: the storage adapters' idempotency rules
// (a second insert of the same key) all start from it.
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string })?.code === "P2002";
}
