/**
 * What a deploy changes on the target wiki: pure, so that `--dry-run` and the real
 * run agree and the rules (no unsafe text, no needless edits) are tested alone.
 */
import { createTwoFilesPatch } from 'diff';

export interface PageToDeploy {
	title: string;
	text: string;
	/** Only create it: once it exists, it belongs to the wiki's editors. */
	createOnly?: boolean;
}

export interface CurrentPage {
	/** Null when the page does not exist. */
	text: string | null;
	/** Edit summary of the page's latest revision. */
	lastSummary?: string;
	/** Id of the page's latest revision: a later edit has a higher id. */
	lastRevision?: number;
	/** Who made the page's latest revision. */
	lastUser?: string;
	/**
	 * The newest revision the deploy made, read from the history when the latest
	 * revision is not one (see `changedOnWiki`); null when none was found.
	 */
	lastDeploy?: { revision: number; text: string } | null;
}

export interface PlanOptions {
	/** The account the deploy edits with: its edits with a deploy summary are the deploy's own. */
	deployUser: string;
	/** Overwrite pages changed on the wiki since the last deploy (never create-only pages). */
	force?: boolean;
}

/** A page changed on the wiki since the last deploy: who made its latest revision, and the change. */
export interface ChangeOnWiki {
	user?: string;
	summary?: string;
	/**
	 * Unified diff from what the last deploy wrote to the current text: the change
	 * made on the wiki. Null when no deploy of the page was found in its history.
	 */
	diff: string | null;
}

export interface DeployAction {
	title: string;
	/** `skip`: changed on the wiki since the last deploy, and left as it is. */
	change: 'create' | 'update' | 'unchanged' | 'skip';
	text: string;
	/** Unified diff from the current text; empty when unchanged. */
	diff: string;
	/** Set when the page was changed on the wiki since the last deploy (skipped, or overwritten with `force`). */
	changedOnWiki?: ChangeOnWiki;
}

/** MediaWiki strips trailing whitespace when it saves a page. */
export function savedForm( text: string ): string {
	return text.replace( /\s+$/, '' );
}

const DEPLOY_SUMMARY = /^Deploy Helpdesk from commit [0-9a-f]{7,40}\b/;

/** An edit the deploy made: by its account, with a summary naming the commit (see `deploySummary`). */
export function isDeployEdit( user: string | undefined, summary: string | undefined, deployUser: string ): boolean {
	return user !== undefined && user === deployUser && summary !== undefined && DEPLOY_SUMMARY.test( summary );
}

/**
 * Whether the page's latest revision is not the deploy's own: someone else made
 * it, or the deploy account with another summary. Such a page needs its last
 * deploy (`CurrentPage.lastDeploy`) read from the history.
 */
export function changedOnWiki( page: CurrentPage | undefined, deployUser: string ): boolean {
	return !!page && page.text !== null && !isDeployEdit( page.lastUser, page.lastSummary, deployUser );
}

function patch( title: string, before: string, after: string, beforeLabel: string, afterLabel: string ): string {
	return createTwoFilesPatch( title, title, before === '' ? '' : before + '\n', after + '\n', beforeLabel, afterLabel );
}

/**
 * What to do with each page. A page equal to ours is left alone, a create-only
 * page once it exists too. A page whose latest revision is not a deploy edit was
 * changed on the wiki since the last deploy (unless its text is still what the
 * last deploy wrote): it is skipped, with both diffs, unless `force` is set.
 */
export function planDeploy( pages: PageToDeploy[], current: ReadonlyMap<string, CurrentPage>, options: PlanOptions ): DeployAction[] {
	return pages.map( ( page ): DeployAction => {
		const now = current.get( page.title );
		const before = now && now.text !== null ? savedForm( now.text ) : null;
		const after = savedForm( page.text );
		if ( before === after || ( page.createOnly && before !== null ) ) {
			return { title: page.title, change: 'unchanged', text: after, diff: '' };
		}
		const diff = patch( page.title, before === null ? '' : before, after, 'on the wiki', 'to deploy' );
		if ( before === null || !now || !changedOnWiki( now, options.deployUser ) ) {
			return { title: page.title, change: before === null ? 'create' : 'update', text: after, diff: diff };
		}
		const deployed = now.lastDeploy ? savedForm( now.lastDeploy.text ) : null;
		if ( deployed === before ) {
			// Edited since, but back to what the deploy wrote: nothing of the wiki's is lost.
			return { title: page.title, change: 'update', text: after, diff: diff };
		}
		const change: ChangeOnWiki = {
			user: now.lastUser,
			summary: now.lastSummary,
			diff: deployed === null || !now.lastDeploy ? null : patch(
				page.title, deployed, before,
				'last deploy (revision ' + now.lastDeploy.revision + ')',
				'on the wiki' + ( now.lastRevision ? ' (revision ' + now.lastRevision + ')' : '' ),
			),
		};
		return { title: page.title, change: options.force ? 'update' : 'skip', text: after, diff: diff, changedOnWiki: change };
	} );
}

/**
 * What MediaWiki would change in `text` on save, each as `line N: what`: it keeps
 * text in Unicode normal form C, without control characters and with `\n` line
 * breaks only. Such text would be saved altered, and deployed again at every run.
 */
export function unsavableCharacters( text: string ): string[] {
	const found: string[] = [];
	text.split( '\n' ).forEach( ( line, index ) => {
		// eslint-disable-next-line no-control-regex -- these are the characters to find
		const control = /[\x00-\x08\x0b-\x1f]/.exec( line );
		if ( control ) {
			found.push( 'line ' + ( index + 1 ) + ': control character U+' + control[ 0 ].charCodeAt( 0 ).toString( 16 ).toUpperCase().padStart( 4, '0' ) );
		}
		if ( line !== line.normalize( 'NFC' ) ) {
			found.push( 'line ' + ( index + 1 ) + ': text not in Unicode normal form C' );
		}
	} );
	return found;
}

/** The commit named in a summary this script wrote (`… from commit abc1234 …`). */
export function deployedCommit( summaries: ( string | undefined )[] ): string | null {
	for ( const summary of summaries ) {
		const match = summary && /\bfrom commit ([0-9a-f]{7,40})\b/.exec( summary );
		if ( match ) {
			return match[ 1 ];
		}
	}
	return null;
}

/**
 * `Deploy Helpdesk from commit abc1234 (2 commits since def5678: Fix x; Add y)`,
 * within MediaWiki's 500-character summary limit.
 */
export function deploySummary( commit: string, previous: string | null, subjects: string[] | null ): string {
	let summary = 'Deploy Helpdesk from commit ' + commit;
	if ( previous === null ) {
		summary += ' (first deploy)';
	} else if ( subjects !== null ) {
		summary += subjects.length === 0 ?
			' (no new commits since ' + previous + ')' :
			' (' + subjects.length + ( subjects.length === 1 ? ' commit' : ' commits' ) + ' since ' + previous + ': ' + subjects.join( '; ' ) + ')';
	} else {
		summary += ' (previous deploy ' + previous + ' is not in this history)';
	}
	return summary.length > 500 ? summary.slice( 0, 497 ) + '…)' : summary;
}

/**
 * The gadget lines merged into `MediaWiki:Gadgets-definition`: a line defining a
 * gadget of ours replaces the old line of that gadget; everything else stays.
 */
export function mergeGadgetDefinitions( current: string, ours: string ): string {
	const name = ( line: string ): string | null => {
		const match = /^\*\s*([A-Za-z][\w.-]*)\s*\[/.exec( line );
		return match ? match[ 1 ] : null;
	};
	const ourLines = ours.split( '\n' ).filter( ( line ) => name( line ) !== null );
	const ourNames = ourLines.map( name );
	const kept = current.split( '\n' ).filter( ( line ) => {
		const lineName = name( line );
		return lineName === null || !ourNames.includes( lineName );
	} );
	const heading = kept.findIndex( ( line ) => /^==\s*helpdesk\s*==\s*$/i.test( line ) );
	if ( heading !== -1 ) {
		kept.splice( heading + 1, 0, ...ourLines );
		return savedForm( kept.join( '\n' ) );
	}
	const before = savedForm( kept.join( '\n' ) );
	return ( before ? before + '\n\n' : '' ) + '== helpdesk ==\n' + ourLines.join( '\n' );
}
