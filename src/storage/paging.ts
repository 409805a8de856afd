// Streams a large table a page at a time, with the last row's id as the cursor, so exports of
// any size use constant memory. The order is the caller's (it must be total).
export const PAGE_SIZE = 500;

export async function* byIdPages<T extends { id: string }>(
  page: (after: { skip?: 1; cursor?: { id: string } }) => Promise<T[]>,
): AsyncIterable<T> {
  let cursor: string | undefined;
  for (;;) {
    const rows = await page(cursor ? { skip: 1, cursor: { id: cursor } } : {});
    yield* rows;
    if (rows.length < PAGE_SIZE) return;
    cursor = rows[rows.length - 1]!.id;
  }
}
