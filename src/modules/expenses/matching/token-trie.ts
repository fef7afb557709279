/**
 * A trie over words: every alias is a sequence of normalised words, and one left-to-right pass over a
 * descriptor's words finds every alias it contains, on word boundaries only ("BOX" is a word of "BOX COM",
 * not of "DROPBOX"). Built once per matching run; a lookup costs the descriptor's words times the longest
 * alias, whatever the number of aliases.
 */
interface TrieNode<T> {
  children: Map<string, TrieNode<T>>;
  values: T[];
}

export interface TrieHit<T> {
  /** Index of the first word matched and how many words the alias has. */
  start: number;
  length: number;
  values: readonly T[];
}

export class TokenTrie<T> {
  private readonly root: TrieNode<T> = { children: new Map(), values: [] };

  add(words: readonly string[], value: T): void {
    if (words.length === 0) return;
    let node = this.root;
    for (const word of words) {
      let next = node.children.get(word);
      if (!next) {
        next = { children: new Map(), values: [] };
        node.children.set(word, next);
      }
      node = next;
    }
    node.values.push(value);
  }

  /** Every alias found in `words`, wherever it starts. */
  findAll(words: readonly string[]): TrieHit<T>[] {
    const hits: TrieHit<T>[] = [];
    for (let start = 0; start < words.length; start++) {
      let node: TrieNode<T> | undefined = this.root;
      for (let i = start; i < words.length && node; i++) {
        node = node.children.get(words[i] as string);
        if (node && node.values.length > 0) hits.push({ start, length: i - start + 1, values: node.values });
      }
    }
    return hits;
  }
}
