/**
 * What the deploy script needs to know of the repository's history. Each function
 * takes the work tree to ask about (the current directory by default).
 */
import { execFileSync } from 'node:child_process';

function git( args: string[], cwd?: string ): string {
	return execFileSync( 'git', args, { cwd: cwd, encoding: 'utf8', stdio: [ 'ignore', 'pipe', 'ignore' ] } ).trim();
}

export function headCommit( cwd?: string ): string {
	try {
		return git( [ 'rev-parse', '--short=7', 'HEAD' ], cwd );
	} catch {
		return 'unknown';
	}
}

/** Paths with uncommitted changes (empty when the work tree is clean). */
export function dirtyPaths( cwd?: string ): string[] {
	try {
		return git( [ 'status', '--porcelain' ], cwd ).split( '\n' ).filter( Boolean );
	} catch {
		return [ '(not a git work tree)' ];
	}
}

/** Subjects of the commits after `since` up to HEAD, oldest first; null if `since` is unknown here. */
export function commitSubjectsSince( since: string, cwd?: string ): string[] | null {
	try {
		git( [ 'cat-file', '-e', since + '^{commit}' ], cwd );
		const log = git( [ 'log', '--reverse', '--format=%s', since + '..HEAD' ], cwd );
		return log ? log.split( '\n' ) : [];
	} catch {
		return null;
	}
}
