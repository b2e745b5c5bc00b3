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
}

export interface DeployAction {
	title: string;
	change: 'create' | 'update' | 'unchanged';
	text: string;
	/** Unified diff from the current text; empty when unchanged. */
	diff: string;
}

/** MediaWiki strips trailing whitespace when it saves a page. */
export function savedForm( text: string ): string {
	return text.replace( /\s+$/, '' );
}

export function planDeploy( pages: PageToDeploy[], current: ReadonlyMap<string, CurrentPage> ): DeployAction[] {
	return pages.map( ( page ) => {
		const now = current.get( page.title );
		const before = now && now.text !== null ? savedForm( now.text ) : null;
		const after = savedForm( page.text );
		if ( before === after || ( page.createOnly && before !== null ) ) {
			return { title: page.title, change: 'unchanged', text: after, diff: '' };
		}
		return {
			title: page.title,
			change: before === null ? 'create' : 'update',
			text: after,
			diff: createTwoFilesPatch( page.title, page.title, before === null ? '' : before + '\n', after + '\n', 'on the wiki', 'to deploy' ),
		};
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
