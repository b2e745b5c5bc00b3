/**
 * The bot's own pages, saved at the end of a run: each compiled page whose SHA-1
 * differs from the wiki's (and those no longer needed, emptied with a pointer),
 * then the state, its later parts first. A conflict on one of them (someone saved
 * it meanwhile) is tried again on its new revision.
 */
import { createTwoFilesPatch } from 'diff';
import { obsoletePage } from './plan/pages';
import { statePages } from './plan/state';
import type { BotState, GeneratedPage, PageSnapshot, PlannedEdit } from './plan/types';
import type { RunOptions, RunReport } from './run';
import { EditRefused, HelpdeskWiki } from './wiki';

/** Tries of one page's edit in a run before it is left for the next run. */
export const MAX_TRIES = 3;

/** A planned edit as a unified diff under an `Index: TITLE` line. */
export function dryRunDiff( title: string, before: string, after: string ): string {
	return createTwoFilesPatch( title, title, before, after, '', '', {
		context: 2, headerOptions: { includeIndex: true, includeUnderline: true, includeFileHeaders: false },
	} );
}

/** A page the bot compiled as wikitext before the wiki rendered its views: a view replaces it. */
function isOldCompiledPage( text: string ): boolean {
	return text.indexOf( '<!-- Compiled by the Helpdesk bot' ) === 0;
}

/**
 * Save each compiled page whose text changed, and empty the ones no longer needed;
 * a view is made only where none is (or where an old compiled page stands).
 */
export async function saveCompiled(
	wiki: HelpdeskWiki, options: RunOptions, report: RunReport, compiled: GeneratedPage[], state: BotState | null, inTime: () => void,
): Promise<void> {
	const titles = compiled.map( ( page ) => page.title );
	const obsolete = ( state ? state.compiled : [] ).filter( ( title ) => !titles.includes( title ) ).sort();
	const onWiki = await wiki.readCompiled( titles.concat( obsolete ), options.dryRun );
	// A view that stands is left alone, unless it is an old compiled page: read those views' text.
	const views = compiled.filter( ( page ) => {
		const current = onWiki[ page.title ];
		return page.createOnly && current && current.sha1 !== page.sha1 && !options.dryRun;
	} );
	Object.assign( onWiki, await wiki.readCompiled( views.map( ( page ) => page.title ), true ) );
	const wanted = compiled.concat( obsolete.map( ( title ) => obsoletePage( options.plan, title ) ) );
	for ( const page of wanted ) {
		const current = onWiki[ page.title ];
		if ( current && ( current.sha1 === page.sha1 || ( page.createOnly && !isOldCompiledPage( current.text ) ) ) ) {
			continue;
		}
		inTime();
		await saveOwnPage( wiki, options, report, page, current ? { text: current.text, revid: current.revid, timestamp: '' } :
			{ text: '', revid: null, timestamp: '' }, 'Helpdesk bot: update from the request pages' );
	}
}

/** The state's parts, the later ones first: part 1, which names the save, goes last. */
export async function saveState(
	wiki: HelpdeskWiki, options: RunOptions, report: RunReport, state: BotState, read: PageSnapshot[],
): Promise<void> {
	const parts = statePages( options.plan.pages, state, options.plan.maxPageBytes );
	const unknown = parts.map( ( part ) => part.title ).filter( ( title ) => !read.some( ( page ) => page.title === title ) );
	const info = await wiki.readCompiled( unknown, false );
	for ( const part of parts.slice( 1 ).concat( parts.slice( 0, 1 ) ) ) {
		const page = read.find( ( candidate ) => candidate.title === part.title ) || info[ part.title ];
		const saved = await saveOwnPage( wiki, options, report, part, page ? { text: 'text' in page ? page.text : '', revid: page.revid, timestamp: '' } :
			{ text: '', revid: null, timestamp: '' }, 'Helpdesk bot: state after this run (' + state.signOffs.length + ' requests with sign-offs)', 'state' );
		if ( !saved ) {
			// Part 1 unsaved leaves the last complete state, or none: never half of a new one.
			return;
		}
	}
}

/** Save one of the bot's own pages; a conflict (someone saved it meanwhile) is tried once more on its new revision. */
async function saveOwnPage(
	wiki: HelpdeskWiki, options: RunOptions, report: RunReport, page: GeneratedPage,
	base: { text: string; revid: number | null; timestamp: string }, summary: string,
	kind?: PlannedEdit[ 'kind' ],
): Promise<boolean> {
	const edit: PlannedEdit = {
		title: page.title, kind: kind || ( page.contentModel === 'json' ? 'export' : 'generated' ), text: page.text, summary: summary, baseRevid: base.revid,
		baseTimestamp: '', reasons: [ 'the content changed' ], notices: [], mentions: 0, contentModel: page.contentModel,
	};
	if ( options.dryRun ) {
		report.edits.push( { title: page.title, kind: edit.kind, summary: summary, result: 'dry-run', diff: dryRunDiff( page.title, base.text, page.text ) } );
		return true;
	}
	for ( let attempt = 1; ; attempt++ ) {
		try {
			const saved = await wiki.edit( edit, base );
			report.edits.push( { title: page.title, kind: edit.kind, summary: summary, result: saved.nochange ? 'nochange' : 'saved', revid: saved.revid } );
			return true;
		} catch ( error ) {
			if ( !( error instanceof EditRefused ) ) {
				throw error;
			}
			if ( error.outcome === 'read-again' && attempt < MAX_TRIES ) {
				const current = ( await wiki.readCompiled( [ page.title ], false ) )[ page.title ];
				if ( current && current.sha1 === page.sha1 ) {
					return true;
				}
				base = { text: '', revid: current ? current.revid : null, timestamp: '' };
				continue;
			}
			report.edits.push( { title: page.title, kind: edit.kind, summary: summary, result: 'failed', error: error.message } );
			report.needsAttention.push( { page: page.title, reason: error.message } );
			return false;
		}
	}
}
