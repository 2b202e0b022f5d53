/** The few GitHub REST calls the review needs, behind one small interface (a fake implements it in tests). */
export type PullFile = {
  readonly filename: string;
  readonly previous_filename?: string;
  readonly status: string;
  readonly patch?: string;
};
export type IssueComment = {
  readonly id: number;
  readonly body?: string;
  readonly user?: { readonly login: string } | null;
};

/** A review comment on a line of the pull request's diff. */
export type ReviewComment = {
  readonly id: number;
  readonly body?: string;
  readonly path?: string;
  readonly line?: number | null;
  readonly user?: { readonly login: string } | null;
};
export type NewReviewComment = {
  readonly body: string;
  readonly path: string;
  readonly line: number;
  readonly commitId: string;
};

export type TreeEntry = { readonly path: string; readonly type: string; readonly size?: number };
export type Tree = { readonly entries: readonly TreeEntry[]; readonly truncated: boolean };

export type GitHubApi = {
  /** one call: the whole tree of a commit (`recursive=1`); GitHub cuts it short past 100,000 entries */
  getTree(sha: string): Promise<Tree>;
  /** one GraphQL call: the text of each path at a commit (absent when missing, binary or too large) */
  readBlobs(sha: string, paths: readonly string[]): Promise<Record<string, string>>;
  /** one call: package URLs (purl) of the default branch's dependency graph; undefined when it is off */
  getDependencyPurls(): Promise<string[] | undefined>;
  /** up to `maxFiles` changed files, 100 per page */
  listPullFiles(pull: number, maxFiles: number): Promise<PullFile[]>;
  /** a file's text at a ref, or undefined when it does not exist there; FileTooLargeError over 1 MB */
  getFileText(path: string, ref: string): Promise<string | undefined>;
  /** the login of the token's own identity; undefined when the token may not ask */
  getOwnLogin(): Promise<string | undefined>;
  /** every comment, 100 per page (up to 100 pages) */
  listIssueComments(issue: number): Promise<IssueComment[]>;
  createIssueComment(issue: number, body: string): Promise<number>;
  updateIssueComment(id: number, body: string): Promise<void>;
  deleteIssueComment(id: number): Promise<void>;
  /** review comments on the pull request's lines, 100 per page */
  listReviewComments(pull: number): Promise<ReviewComment[]>;
  createReviewComment(pull: number, comment: NewReviewComment): Promise<number>;
  updateReviewComment(id: number, body: string): Promise<void>;
  deleteReviewComment(id: number): Promise<void>;
};

/** A file GitHub will not hand over whole through the contents API (over 1 MB). */
export class FileTooLargeError extends Error {
  constructor(
    readonly path: string,
    readonly bytes: number,
  ) {
    super(`${path} is ${bytes} bytes, over the 1 MB the contents API returns`);
    this.name = 'FileTooLargeError';
  }
}

/** An error from GitHub with its HTTP status, whatever client raised it. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown })?.status;
  return typeof status === 'number' ? status : undefined;
}

/** A 5xx, a timeout or a dropped connection (Octokit reports the last two as 500): the request may have landed. */
export function isTransient(error: unknown): boolean {
  return (statusOf(error) ?? 0) >= 500;
}
