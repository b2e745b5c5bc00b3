/** What the deploy script needs to know of the repository's history. */
import { execFileSync } from 'node:child_process';

function git( args: string[] ): string {
	return execFileSync( 'git', args, { encoding: 'utf8', stdio: [ 'ignore', 'pipe', 'ignore' ] } ).trim();
}

export function headCommit(): string {
	try {
		return git( [ 'rev-parse', '--short=7', 'HEAD' ] );
	} catch {
		return 'unknown';
	}
}

/** Paths with uncommitted changes (empty when the work tree is clean). */
export function dirtyPaths(): string[] {
	try {
		return git( [ 'status', '--porcelain' ] ).split( '\n' ).filter( Boolean );
	} catch {
		return [ '(not a git work tree)' ];
	}
}

/** Subjects of the commits after `since` up to HEAD, oldest first; null if `since` is unknown here. */
export function commitSubjectsSince( since: string ): string[] | null {
	try {
		git( [ 'cat-file', '-e', since + '^{commit}' ] );
		const log = git( [ 'log', '--reverse', '--format=%s', since + '..HEAD' ] );
		return log ? log.split( '\n' ) : [];
	} catch {
		return null;
	}
}
