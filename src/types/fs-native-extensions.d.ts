/** The part of fs-native-extensions Roster uses: an exclusive lock on an open file, released with it. */
declare module 'fs-native-extensions' {
  /** True when the lock was taken; false when another open of the file holds it. */
  export function tryLock(fd: number, options?: { shared?: boolean }): boolean;
  export function unlock(fd: number): void;
  const extensions: { tryLock: typeof tryLock; unlock: typeof unlock };
  export default extensions;
}
