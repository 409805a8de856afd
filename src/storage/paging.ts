// Streams a large table in id order, a page at a time, so exports of any size use constant memory.
export const PAGE_SIZE = 500;

export async function* byIdPages<T extends { id: string }>(page: (after: { skip?: 1; cursor?: { id: string } }) => Promise<T[]>): AsyncIterable<T> {
  let cursor: string | undefined;
  for (;;) {
    const rows = await page(cursor ? { skip: 1, cursor: { id: cursor } } : {});
    yield* rows;
    if (rows.length < PAGE_SIZE) return;
    cursor = rows[rows.length - 1]!.id;
  }
}
