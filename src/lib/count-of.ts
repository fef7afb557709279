/** "1 email", "3 emails": a count with its noun, for messages people read. */
export const countOf = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
