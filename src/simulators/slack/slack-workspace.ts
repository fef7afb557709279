/**
 * The state of a simulated Slack workspace: its members (by email), its channels (and whether the app is
 * a member), and every message the app posted, kept so tests read what a person would see.
 */
export interface SlackMember {
  id: string;
  email: string;
  name: string;
  /** A deactivated member: `users.lookupByEmail` no longer finds them. */
  deleted?: boolean;
}

export interface SlackChannel {
  id: string;
  name: string;
  /** Whether the app was invited; posting to a channel it is not in answers `not_in_channel`. */
  appIsMember: boolean;
  archived?: boolean;
}

export interface PostedMessage {
  /** The conversation it went to: a channel id, or the app's DM with a member (`D…`). */
  channel: string;
  /** The member a DM went to. */
  user?: string;
  text: string;
  ts: string;
}

export class SlackWorkspace {
  readonly messages: PostedMessage[] = [];
  private clock = 1_700_000_000;

  constructor(
    readonly members: SlackMember[],
    readonly channels: SlackChannel[],
  ) {}

  /** The member with exactly this email (Slack compares without case), unless deactivated. */
  memberByEmail(email: string): SlackMember | undefined {
    const wanted = email.trim().toLowerCase();
    return this.members.find((m) => !m.deleted && m.email.toLowerCase() === wanted);
  }

  /**
   * Where `channel` posts: a channel by id or name (with or without `#`), or a member id, which Slack
   * turns into the app's DM with that member.
   */
  resolve(channel: string): { channel: SlackChannel } | { member: SlackMember } | undefined {
    const member = this.members.find((m) => m.id === channel && !m.deleted);
    if (member) return { member };
    const name = channel.replace(/^#/, '');
    const found = this.channels.find((c) => c.id === channel || c.name === name);
    return found ? { channel: found } : undefined;
  }

  post(message: Omit<PostedMessage, 'ts'>): PostedMessage {
    this.clock += 1;
    const posted = { ...message, ts: `${this.clock}.000100` };
    this.messages.push(posted);
    return posted;
  }
}

/** The DM conversation id of a member, stable per member as Slack's is. */
export function dmChannelOf(member: SlackMember): string {
  return `D${member.id.slice(1)}`;
}
