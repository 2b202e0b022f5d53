import type { getOctokit } from '@actions/github';
import type { GitHubApi, IssueComment, PullFile, ReviewComment } from './github-api.js';
import { FileTooLargeError, statusOf } from './github-api.js';

type Octokit = ReturnType<typeof getOctokit>;
/** 10,000 comments: the sticky comment is found on the busiest pull requests (it was 1,000). */
const MAX_COMMENT_PAGES = 100;
const PAGE = 100;
const MAX_FILE_BYTES = 1024 * 1024;

/** Every item of a paged list, page by page until a short page (at most MAX_COMMENT_PAGES pages). */
async function pagesOf<T>(fetchPage: (page: number) => Promise<{ data: readonly T[] }>): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; page <= MAX_COMMENT_PAGES; page++) {
    const { data } = await fetchPage(page);
    items.push(...data);
    if (data.length < PAGE) break;
  }
  return items;
}

/** The GraphQL query reading many files at one commit in one call, each under its own alias. */
export function blobQuery(sha: string, paths: readonly string[]): string {
  const fields = paths.map(
    (p, i) =>
      `f${i}: object(expression: ${JSON.stringify(`${sha}:${p}`)}) { ... on Blob { text isBinary isTruncated } }`,
  );
  return `query($owner: String!, $name: String!) { repository(owner: $owner, name: $name) { ${fields.join(' ')} } }`;
}

type BlobAnswer = {
  repository: Record<string, { text?: string | null; isBinary?: boolean; isTruncated?: boolean } | null>;
};

/** GitHubApi over an Octokit (with retry and throttling plugins) for one repository. */
export function createOctokitApi(octokit: Octokit, owner: string, repo: string): GitHubApi {
  return {
    async getTree(sha) {
      const { data } = await octokit.rest.git.getTree({ owner, repo, tree_sha: sha, recursive: '1' });
      return {
        entries: data.tree.map((e) => ({
          path: e.path ?? '',
          type: e.type ?? '',
          ...(e.size !== undefined ? { size: e.size } : {}),
        })),
        truncated: data.truncated,
      };
    },
    async readBlobs(sha, paths) {
      if (paths.length === 0) return {};
      const data = await octokit.graphql<BlobAnswer>(blobQuery(sha, paths), { owner, name: repo });
      const out: Record<string, string> = {};
      paths.forEach((p, i) => {
        const blob = data.repository[`f${i}`];
        if (blob && typeof blob.text === 'string' && !blob.isBinary && !blob.isTruncated) out[p] = blob.text;
      });
      return out;
    },
    async getDependencyPurls() {
      try {
        const { data } = await octokit.rest.dependencyGraph.exportSbom({ owner, repo });
        return data.sbom.packages.flatMap((p) =>
          (p.externalRefs ?? []).filter((r) => r.referenceType === 'purl').map((r) => r.referenceLocator),
        );
      } catch (error) {
        const status = statusOf(error);
        if (status === 404 || status === 403) return undefined;
        throw error;
      }
    },
    async listPullFiles(pull, maxFiles) {
      const files: PullFile[] = [];
      for (let page = 1; files.length < maxFiles; page++) {
        const { data } = await octokit.rest.pulls.listFiles({ owner, repo, pull_number: pull, per_page: 100, page });
        files.push(...(data as PullFile[]));
        if (data.length < 100) break;
      }
      return files.slice(0, maxFiles);
    },
    async getFileText(path, ref) {
      try {
        const { data } = await octokit.rest.repos.getContent({ owner, repo, path, ref });
        if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) return undefined;
        // over 1 MB GitHub answers without the content (encoding "none")
        if (data.size > MAX_FILE_BYTES || (data.content === '' && data.size > 0))
          throw new FileTooLargeError(path, data.size);
        return Buffer.from(data.content, 'base64').toString('utf8');
      } catch (error) {
        if (statusOf(error) === 404) return undefined;
        throw error;
      }
    },
    async getOwnLogin() {
      try {
        const { data } = await octokit.rest.users.getAuthenticated();
        return data.login;
      } catch (error) {
        const status = statusOf(error);
        if (status === 403 || status === 401 || status === 404) return undefined;
        throw error;
      }
    },
    async listIssueComments(issue) {
      return (await pagesOf((page) =>
        octokit.rest.issues.listComments({ owner, repo, issue_number: issue, per_page: PAGE, page }),
      )) as IssueComment[];
    },
    async createIssueComment(issue, body) {
      // sent once: plugin-retry would resend blindly, and a POST whose answer was lost may have
      // landed; upsertStickyComment reads the comments again before it sends another
      const { data } = await octokit.rest.issues.createComment({
        owner,
        repo,
        issue_number: issue,
        body,
        request: { retries: 0 },
      });
      return data.id;
    },
    async updateIssueComment(id, body) {
      await octokit.rest.issues.updateComment({ owner, repo, comment_id: id, body });
    },
    async listReviewComments(pull) {
      return (await pagesOf((page) =>
        octokit.rest.pulls.listReviewComments({ owner, repo, pull_number: pull, per_page: PAGE, page }),
      )) as ReviewComment[];
    },
    async createReviewComment(pull, c) {
      const { data } = await octokit.rest.pulls.createReviewComment({
        owner,
        repo,
        pull_number: pull,
        body: c.body,
        commit_id: c.commitId,
        path: c.path,
        line: c.line,
        side: 'RIGHT',
        request: { retries: 0 },
      });
      return data.id;
    },
    async updateReviewComment(id, body) {
      await octokit.rest.pulls.updateReviewComment({ owner, repo, comment_id: id, body });
    },
    async deleteReviewComment(id) {
      try {
        await octokit.rest.pulls.deleteReviewComment({ owner, repo, comment_id: id });
      } catch (error) {
        if (statusOf(error) !== 404) throw error;
      }
    },
    async deleteIssueComment(id) {
      try {
        await octokit.rest.issues.deleteComment({ owner, repo, comment_id: id });
      } catch (error) {
        // already gone: deleted by a concurrent run, or by our own resend after a lost answer
        if (statusOf(error) !== 404) throw error;
      }
    },
  };
}
