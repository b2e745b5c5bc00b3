/**
 * The process settings in force: the settings page as saved when it is valid;
 * after an edit that is not, the newest valid revision of the page (its history is
 * read for that), else the built-in defaults. An invalid edit never stops a run: it
 * is reported on the request table and, once per revision, to the helpdesk staff.
 */
import { DEFAULT_SETTINGS, ProcessSettings, readSettings, SettingsProblem } from '../../shared/settings';
import { shortened } from '../../shared/wikitext';
import type { PageSnapshot, Problem, Revision } from './types';

export interface SettingsInForce {
	settings: ProcessSettings;
	/** Revision of the settings page in force; 0 for the built-in defaults. */
	revid: number;
	/** The latest revision of the page, valid or not; 0 when the page does not exist. */
	latest: number;
	/** What is wrong with the latest revision; empty when it is in force. */
	problems: Problem[];
	/** The latest revision is not valid and the history has not been read yet. */
	needsHistory: boolean;
}

function problemText( problem: SettingsProblem ): string {
	return shortened( ( problem.path ? problem.path + ': ' : '' ) + problem.message, 300 );
}

/** The settings in force, from the page (null if missing) and, after an invalid edit, its history (newest first). */
export function settingsInForce( page: PageSnapshot | null, history: Revision[] | undefined ): SettingsInForce {
	if ( page === null ) {
		return {
			settings: DEFAULT_SETTINGS, revid: 0, latest: 0, needsHistory: false,
			problems: [ { code: 'settings-missing', params: [], text: 'The settings page does not exist: the built-in defaults are in force.' } ],
		};
	}
	const latest = readSettings( page.text );
	if ( latest.settings ) {
		return { settings: latest.settings, revid: page.revid, latest: page.revid, problems: [], needsHistory: false };
	}
	const problems = latest.problems.slice( 0, 10 ).map( ( problem ) => ( {
		code: 'settings-invalid', params: [ String( page.revid ), problemText( problem ) ], text: problemText( problem ),
	} ) );
	if ( history === undefined ) {
		return { settings: DEFAULT_SETTINGS, revid: 0, latest: page.revid, problems: problems, needsHistory: true };
	}
	for ( const revision of history ) {
		const read = revision.revid < page.revid ? readSettings( revision.text ).settings : null;
		if ( read ) {
			return { settings: read, revid: revision.revid, latest: page.revid, problems: problems, needsHistory: false };
		}
	}
	return { settings: DEFAULT_SETTINGS, revid: 0, latest: page.revid, problems: problems, needsHistory: false };
}

/** Whether the history read so far holds a valid revision older than `latest` (reading can stop). */
export function settingsHistoryEnough( revisions: Revision[], latest: number ): boolean {
	return revisions.some( ( revision ) => revision.revid < latest && readSettings( revision.text ).settings !== null );
}

/** The key of the staff's notice of an invalid settings revision. */
export function settingsKey( revid: number ): string {
	return 'settings:' + revid;
}
