/**
 * One text per prepared statement name, on either database: a name prepared with one text and asked with
 * another would run the first text on some connections and fail on others, so it is refused at once.
 */
export function preparedTextGuard(): (name: string, text: string) => void {
  const texts = new Map<string, string>();
  return (name, text) => {
    const known = texts.get(name);
    if (known !== undefined && known !== text)
      throw new Error(`The prepared statement ${name} was prepared with another text`);
    texts.set(name, text);
  };
}
