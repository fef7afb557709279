/** The part of fs-ext Roster uses: flock(2) on an open file descriptor. */
declare module 'fs-ext' {
  export type FlockFlag = 'sh' | 'ex' | 'shnb' | 'exnb' | 'un';
  export function flockSync(fd: number, flags: FlockFlag): void;
  export function flock(
    fd: number,
    flags: FlockFlag,
    callback: (error: NodeJS.ErrnoException | null) => void,
  ): void;
}
