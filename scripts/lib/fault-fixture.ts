/**
 * The starting wiki of the fault-injection suite: a throwaway local wiki with the
 * Helpdesk installed, a committee with every notification preference, staff
 * contacts, and requests in every stage, dated relative to today so that filing
 * notices and reminders are due. Made once, then snapshotted: its SQLite files are
 * copied with the server stopped, and copied back before each schedule.
 */
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Mwn } from 'mwn';
import { renderRequestPage } from '../../shared/codec';
import { COMMITTEE_PAGE, REQUESTS_PREFIX, SETTINGS_PAGE, SHUTOFF_PAGE } from '../../shared/pages';
import { DEFAULT_SETTINGS, settingsText } from '../../shared/settings';
import { emptyRequest, HelpdeskRequest } from '../../shared/request';
import type { Status } from '../../shared/status';
import { subpageName } from '../../shared/title';
import { build, ROOT } from '../build';
import { deploy } from '../deploy';
import { newPassword } from '../local-wiki/accounts';
import { createLocalWiki, LocalWiki, LocalWikiError, runMaintenance, startWiki, stopWiki } from '../local-wiki/index';
import { freePort } from '../local-wiki/ports';

export const FAULT_USER_AGENT = 'HelpdeskFaultSuite (https://meta.wikimedia.org/wiki/Content_Partnerships_Hub/Helpdesk; helpdesk@wikimedia.se) mwn';

export const AMARA = 'Amara Okafor';
export const LUCIA = 'Lucía Fernández';
export const KENJI = 'Kenji Watanabe';
export const FARAH = 'Farah Haddad';
export const BJORN = 'Björn Lindqvist';
export const STAFF = 'Sam Staff';
export const REQUESTER_ONE = 'Requester One';
export const REQUESTER_TWO = 'Requester Two';

/** Accounts the local wiki does not make itself. */
const EXTRA_PEOPLE = [ FARAH, BJORN, STAFF ];

const DAY = 86400000;

function iso( time: number ): string {
	return new Date( time ).toISOString().replace( /\.\d{3}Z$/, 'Z' );
}

function day( time: number ): string {
	return iso( time ).slice( 0, 10 );
}

export interface FixtureRequest {
	key: string;
	title: string;
	requester: string;
	/** The status as typed on the page. */
	typed: string;
	status: Status;
	filedDaysAgo: number;
	sinceDaysAgo: number;
	/** Why it is in the fixture. */
	note: string;
}

export interface FaultFixture {
	wiki: LocalWiki;
	/** Every person's account and password (committee, requesters, staff). */
	people: Record<string, string>;
	requests: FixtureRequest[];
	staffContacts: string[];
	/** The copy of data/ that `restore` puts back. */
	snapshotDir: string;
	/** Milliseconds one snapshot took (stop, copy, start). */
	snapshotMs: number;
	teardown: () => Promise<void>;
}

/** The committee: two mentions, a talk page that does not exist yet, one shut with {{nobots}}, one away. */
export function committeeText( now: number ): string {
	return [
		'The Expert Committee (fault-injection suite).',
		'{{Helpdesk committee member|user=' + AMARA + '|notify=mention|languages=en, yo}}',
		'{{Helpdesk committee member|user=' + FARAH + '|notify=mention|languages=ar, en}}',
		'{{Helpdesk committee member|user=' + LUCIA + '|notify=talk|languages=es, en}}',
		'{{Helpdesk committee member|user=' + BJORN + '|notify=talk|languages=sv, en}}',
		'{{Helpdesk committee member|user=' + KENJI + '|notify=mention|away_until=' + day( now + 60 * DAY ) + '|languages=ja, en}}',
	].join( '\n' );
}

/** The requests, one or more per stage; reminder days are the default settings' (14, 14, 30, 30, 21, 60, 30 days). */
export const REQUEST_SPECS: Omit<FixtureRequest, 'title'>[] = [
	{ key: 'new', requester: REQUESTER_ONE, typed: 'submitted', status: 'submitted', filedDaysAgo: 1, sinceDaysAgo: 1, note: 'filing notice due' },
	{ key: 'new2', requester: REQUESTER_TWO, typed: 'submitted', status: 'submitted', filedDaysAgo: 0, sinceDaysAgo: 0, note: 'filing notice due' },
	{ key: 'waiting', requester: REQUESTER_TWO, typed: 'submitted', status: 'submitted', filedDaysAgo: 20, sinceDaysAgo: 20, note: 'reminder due (committee)' },
	{ key: 'feedback', requester: REQUESTER_ONE, typed: 'initial-feedback', status: 'initial-feedback', filedDaysAgo: 40, sinceDaysAgo: 16, note: 'reminder due (committee)' },
	{ key: 'group', requester: REQUESTER_TWO, typed: 'working-group', status: 'working-group', filedDaysAgo: 50, sinceDaysAgo: 5, note: 'nothing due' },
	{ key: 'finalgo', requester: REQUESTER_ONE, typed: 'awaiting-final-go', status: 'awaiting-final-go', filedDaysAgo: 80, sinceDaysAgo: 31, note: 'reminder due; a real and a forged sign-off' },
	{ key: 'approved', requester: REQUESTER_TWO, typed: 'approved', status: 'approved', filedDaysAgo: 90, sinceDaysAgo: 25, note: 'reminder due (staff)' },
	{ key: 'underway', requester: REQUESTER_ONE, typed: 'support-under-way', status: 'support-under-way', filedDaysAgo: 150, sinceDaysAgo: 61, note: 'reminder due (staff)' },
	{ key: 'onhold', requester: REQUESTER_TWO, typed: 'on hold', status: 'on-hold', filedDaysAgo: 30, sinceDaysAgo: 3, note: 'hand-typed status' },
	{ key: 'accepted', requester: REQUESTER_ONE, typed: 'Accepted', status: 'approved', filedDaysAgo: 3, sinceDaysAgo: 3, note: 'hand-typed status, filing notice due' },
	{ key: 'done', requester: REQUESTER_TWO, typed: 'done', status: 'done', filedDaysAgo: 200, sinceDaysAgo: 10, note: 'closed' },
	{ key: 'declined', requester: REQUESTER_ONE, typed: 'declined', status: 'declined', filedDaysAgo: 60, sinceDaysAgo: 30, note: 'closed' },
	{ key: 'withdrawn', requester: REQUESTER_TWO, typed: 'withdrawn', status: 'withdrawn', filedDaysAgo: 45, sinceDaysAgo: 40, note: 'closed' },
];

const TOPICS: Record<string, string> = {
	new: 'Lantern slides of the Accra test library',
	new2: 'Field recordings of the Bergen test archive',
	waiting: 'Botanical drawings of the Lima test garden',
	feedback: 'Radio archive of the Kampala test station',
	group: 'Historic maps of the Riga test collection',
	finalgo: 'Herbarium of the Tartu test museum',
	approved: 'Newspaper scans of the Dakar test library',
	underway: 'Museum objects of the Manila test museum',
	onhold: 'Audio tapes of the Quito test radio',
	accepted: 'Glass plates of the Oslo test museum',
	done: 'Posters of the Nairobi test library',
	declined: 'Films of the Hanoi test cinema',
	withdrawn: 'Letters of the Lisbon test archive',
};

function requestFor( spec: Omit<FixtureRequest, 'title'>, now: number ): HelpdeskRequest {
	const request = emptyRequest( spec.requester, iso( now - spec.filedDaysAgo * DAY - 3600000 ), 'en' );
	return Object.assign( request, {
		title: TOPICS[ spec.key ],
		affiliate: 'Wikimedia Community User Group Test',
		country: 'SE',
		partners: [ 'Partner institution of the test' ],
		support: [ 'mass-upload' as const, 'copyright' as const ],
		stage: 'agreement' as const,
		contentType: 'Photographs',
		volume: 'about 1,200 items',
		projects: [ 'commons' as const ],
		description: 'We would like help with a batch upload and with checking the licence.',
		status: spec.status,
		statusSince: iso( now - spec.sinceDaysAgo * DAY - 3600000 ),
		workingGroup: spec.status === 'working-group' ? 'project-planning' as const : '' as const,
	} );
}

export function logIn( wiki: LocalWiki, username: string, password: string ): Promise<Mwn> {
	return Mwn.init( {
		apiUrl: wiki.apiUrl, username: username, password: password,
		userAgent: FAULT_USER_AGENT, silent: true, suppressAPIWarnings: true, maxRetries: 0,
	} );
}

async function edit( client: Mwn, title: string, text: string, summary: string ): Promise<void> {
	const response = await client.request( { action: 'edit', title: title, text: text, summary: summary, token: client.csrfToken } );
	if ( !response.edit || response.edit.result !== 'Success' ) {
		throw new Error( 'Setting up ' + title + ' failed: ' + JSON.stringify( response ) );
	}
}

export async function pageText( client: Mwn, title: string ): Promise<string> {
	const response = await client.request( { action: 'query', titles: title, prop: 'revisions', rvprop: 'content', rvslots: 'main', formatversion: '2' } );
	const page = response.query!.pages[ 0 ];
	return page.revisions ? page.revisions[ 0 ].slots.main.content : '';
}

/** A throwaway wiki on a free port, in a temporary folder. */
async function throwawayWiki( log: ( line: string ) => void ): Promise<{ wiki: LocalWiki; dir: string }> {
	const dir = await mkdtemp( join( tmpdir(), 'helpdesk-fault-wiki-' ) );
	try {
		for ( let attempt = 1; ; attempt++ ) {
			const wiki = await createLocalWiki( { dir: dir, port: await freePort(), siteName: 'Helpdesk fault wiki' } );
			try {
				await startWiki( wiki );
				log( 'Wiki installed and started at ' + wiki.server + ' (' + dir + ')' );
				return { wiki: wiki, dir: dir };
			} catch ( error ) {
				if ( !( error instanceof LocalWikiError && error.code === 'port-in-use' ) || attempt === 3 ) {
					throw error;
				}
			}
		}
	} catch ( error ) {
		await stopWiki( { dir: dir } );
		await rm( dir, { recursive: true, force: true } );
		throw error;
	}
}

/** Copy data/ (the SQLite files) with the server stopped, then start it again. */
async function copyData( wiki: LocalWiki, from: string, to: string ): Promise<void> {
	await stopWiki( wiki );
	await rm( to, { recursive: true, force: true } );
	await cp( from, to, { recursive: true } );
	await startWiki( wiki );
}

export async function restoreSnapshot( fixture: Pick<FaultFixture, 'wiki' | 'snapshotDir'> ): Promise<number> {
	const began = performance.now();
	await copyData( fixture.wiki, fixture.snapshotDir, join( fixture.wiki.dir, 'data' ) );
	return performance.now() - began;
}

/**
 * The starting wiki, installed, filled and snapshotted. `now` dates the requests
 * (they are due relative to it).
 */
export async function createFaultFixture( log: ( line: string ) => void = () => undefined, now = Date.now() ): Promise<FaultFixture> {
	const { wiki, dir } = await throwawayWiki( log );
	const teardown = async (): Promise<void> => {
		await stopWiki( { dir: dir } );
		await rm( dir, { recursive: true, force: true } );
	};
	try {
		const people: Record<string, string> = {};
		wiki.credentials.users.forEach( ( user ) => {
			people[ user.username ] = user.password;
		} );
		for ( const name of EXTRA_PEOPLE ) {
			people[ name ] = newPassword();
			await runMaintenance( wiki, 'createAndPromote.php', [ name, people[ name ] ] );
		}
		if ( !existsSync( join( ROOT, 'dist', 'Gadgets-definition.txt' ) ) ) {
			await build();
		}
		const lines: string[] = [];
		try {
			await deploy( {
				dryRun: false,
				target: {
					apiUrl: wiki.apiUrl, local: true,
					username: wiki.credentials.admin.botUsername, password: wiki.credentials.admin.botPassword,
				},
				log: ( line ) => lines.push( line ),
			} );
		} catch ( error ) {
			throw new Error( 'Installing the Helpdesk failed: ' + ( error as Error ).message + '\n' + lines.join( '\n' ) );
		}
		log( 'Helpdesk installed' );
		const admin = await logIn( wiki, wiki.credentials.admin.botUsername, wiki.credentials.admin.botPassword );
		await edit( admin, COMMITTEE_PAGE, committeeText( now ), 'fault suite: committee' );
		await edit( admin, SHUTOFF_PAGE, 'run', 'fault suite: run' );
		// The staff reminded of requests waiting on the helpdesk, and told of statuses the sign-offs do not bear out.
		await edit( admin, SETTINGS_PAGE, settingsText( Object.assign( {}, DEFAULT_SETTINGS, { helpdesk: [ STAFF ] } ) ), 'fault suite: staff' );
		const sessions: Record<string, Mwn> = {};
		const as = async ( name: string ): Promise<Mwn> => {
			sessions[ name ] = sessions[ name ] || await logIn( wiki, name, people[ name ] );
			return sessions[ name ];
		};
		// Björn wants talk page messages but shuts the bot out of his talk page.
		await edit( await as( BJORN ), 'User talk:' + BJORN, '{{nobots}}\nPlease write to me on the committee page.\n', 'no bots here' );
		const requests: FixtureRequest[] = [];
		for ( const spec of REQUEST_SPECS ) {
			const request = requestFor( spec, now );
			const title = REQUESTS_PREFIX + subpageName( request.title );
			let text = renderRequestPage( request );
			if ( spec.typed !== spec.status ) {
				text = text.replace( /^\| status = .*$/m, '| status = ' + spec.typed );
			}
			await edit( await as( spec.requester ), title, text, 'request' );
			requests.push( Object.assign( { title: title }, spec ) );
		}
		// The request awaiting the final go: a real sign-off from Amara's own account, one typed by the requester for Farah.
		const finalGo = requests.find( ( request ) => request.key === 'finalgo' )!;
		const amara = await as( AMARA );
		await edit( amara, finalGo.title, ( await pageText( amara, finalGo.title ) ) +
			'\nGo ahead. {{Helpdesk sign-off|kind=final-go|decision=yes|member=' + AMARA + '}} ~~~~', 'final go' );
		const forger = await as( finalGo.requester );
		await edit( forger, finalGo.title, ( await pageText( forger, finalGo.title ) ) +
			'\n{{Helpdesk sign-off|kind=final-go|decision=yes|member=' + FARAH + '}} ~~~~', 'sign-off' );
		log( 'Requests filed: ' + requests.length );

		const snapshotDir = join( dir, 'snapshot' );
		const began = performance.now();
		await copyData( wiki, join( wiki.dir, 'data' ), snapshotDir );
		const snapshotMs = performance.now() - began;
		log( 'Snapshot taken in ' + Math.round( snapshotMs ) + ' ms' );
		return {
			wiki: wiki, people: people, requests: requests, staffContacts: [ STAFF ], snapshotDir: snapshotDir,
			snapshotMs: snapshotMs, teardown: teardown,
		};
	} catch ( error ) {
		await teardown();
		throw error;
	}
}
