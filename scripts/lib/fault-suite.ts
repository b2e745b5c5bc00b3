/**
 * The fault-injection suite: runs the bot (a child process, so that it can be
 * killed) through the fault proxy against the starting wiki, until it exits 0,
 * for each schedule of faults; then checks the wiki against a clean run: every
 * notice delivered exactly once (counted from the wiki's revisions, not from the
 * bot's report), no person's edit lost, the same final pages, JSON alone on
 * standard output, and a further run with nothing left to do.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { diffLines } from 'diff';
import type { Mwn } from 'mwn';
import { REQUESTS_PREFIX } from '../../shared/pages';
import {
	AMARA, FARAH, FaultFixture, FixtureRequest, logIn, pageText, restoreSnapshot, STAFF,
} from './fault-fixture';
import { Fault, FaultKind, FaultProxy, mulberry32, ProxiedRequest, ProxyRecord } from './fault-proxy';

export const MAX_RUNS = 8;
const RUN_TIMEOUT_MS = 180000;

// Schedules -------------------------------------------------------------------

export type PersonEditKind = 'reply' | 'status' | 'sign-off';

export interface PersonEdit {
	kind: PersonEditKind;
	/** The request (fixture key) whose page the person edits. */
	request: string;
}

export interface Schedule {
	name: string;
	faults: Fault[];
	/** SIGKILL the bot right after the wiki answered its k-th edit (counted over the whole schedule). */
	killAfterEdit?: number;
	/** A person's edit to the page of the bot's first edit to it, made just before that edit reaches the wiki. */
	person?: PersonEdit;
}

/** What a clean run did, to choose ordinals that fall within it. */
export interface CleanShape {
	reads: number;
	edits: number;
	/** Edit ordinals, titles in order. */
	editTitles: string[];
}

export const isTalkCreation = ( request: ProxiedRequest ): boolean => /^User talk:/.test( request.title ) && request.params.createonly !== undefined &&
	request.params.createonly !== 'false' && request.params.createonly !== '0';

function fault( kind: FaultKind, on: Fault[ 'on' ], nth: number, extra: Partial<Fault> = {} ): Fault {
	return Object.assign( { kind: kind, on: on, nth: nth }, extra );
}

function describeFault( f: Fault ): string {
	return f.kind + ( f.kind === 'delay' ? ' ' + ( ( f.delayMs || 0 ) / 1000 ).toFixed( 1 ) + 's' : '' ) + '@' + ( f.label || f.on ) + '#' + f.nth;
}

export function describeSchedule( schedule: Schedule ): string {
	const parts = schedule.faults.map( describeFault );
	if ( schedule.killAfterEdit ) {
		parts.push( 'SIGKILL after edit #' + schedule.killAfterEdit );
	}
	if ( schedule.person ) {
		parts.push( 'person: ' + schedule.person.kind + ' on ' + schedule.person.request );
	}
	return parts.join( ', ' ) || 'none';
}

/**
 * The schedules for one seed: each fault alone on reads and on edits (some at two
 * ordinals), on the login, a lost response on a talk page's creation, SIGKILL
 * after edits 1, 2, 3, 5, 8, two or three faults at once, a person's edits
 * mid-run; then more random combinations up to `count`.
 */
export function buildSchedules( seed: number, shape: CleanShape, count?: number ): Schedule[] {
	const random = mulberry32( seed );
	const between = ( low: number, high: number ): number => low + Math.floor( random() * ( Math.max( low, high ) - low + 1 ) );
	const read = (): number => between( 1, Math.max( 1, shape.reads ) );
	const edit = (): number => between( 1, Math.max( 1, shape.edits ) );
	const delay = (): number => between( 1000, 3000 );
	const schedules: Schedule[] = [];
	const add = ( name: string, schedule: Omit<Schedule, 'name'> ): void => {
		schedules.push( Object.assign( { name: 's' + seed + '-' + String( schedules.length + 1 ).padStart( 2, '0' ) + ' ' + name }, schedule ) );
	};
	const alone: FaultKind[] = [ 'drop', 'http500', 'http503', 'maxlag', 'readonly', 'lost-response', 'delay' ];
	for ( const kind of alone ) {
		add( kind + ' on a read', { faults: [ fault( kind, 'read', read(), kind === 'delay' ? { delayMs: delay() } : {} ) ] } );
	}
	for ( const kind of alone.concat( [ 'editconflict' ] ) ) {
		add( kind + ' on an edit', { faults: [ fault( kind, 'edit', edit(), kind === 'delay' ? { delayMs: delay() } : {} ) ] } );
	}
	for ( const kind of [ 'drop', 'http503', 'lost-response', 'editconflict' ] as FaultKind[] ) {
		add( kind + ' on a later edit', { faults: [ fault( kind, 'edit', between( Math.ceil( shape.edits / 2 ), shape.edits ) ) ] } );
	}
	add( 'http503 on logging in', { faults: [ fault( 'http503', 'login', 1 ) ] } );
	add( 'lost response on a talk page creation', { faults: [ fault( 'lost-response', 'edit', 1, { where: isTalkCreation, label: 'talk page creation' } ) ] } );
	for ( const k of [ 1, 2, 3, 5, 8 ] ) {
		add( 'SIGKILL after edit ' + k, { faults: [], killAfterEdit: k } );
	}
	const combination = ( size: number ): Fault[] => {
		const kinds: FaultKind[] = [ 'drop', 'http500', 'http503', 'maxlag', 'readonly', 'lost-response', 'editconflict', 'delay' ];
		const faults: Fault[] = [];
		while ( faults.length < size ) {
			const kind = kinds[ Math.floor( random() * kinds.length ) ];
			const on = kind === 'editconflict' || random() < 0.6 ? 'edit' : 'read';
			const nth = on === 'edit' ? edit() : read();
			if ( !faults.some( ( other ) => other.on === on && other.nth === nth ) ) {
				faults.push( fault( kind, on, nth, kind === 'delay' ? { delayMs: delay() } : {} ) );
			}
		}
		return faults;
	};
	add( 'two faults', { faults: combination( 2 ) } );
	add( 'three faults', { faults: combination( 3 ) } );
	add( 'two faults and SIGKILL', { faults: combination( 2 ), killAfterEdit: between( 2, Math.max( 2, shape.edits - 1 ) ) } );
	add( 'a reply before the bot\'s edit', { faults: [], person: { kind: 'reply', request: 'new' } } );
	add( 'a status change before the bot\'s edit', { faults: [], person: { kind: 'status', request: 'waiting' } } );
	add( 'a sign-off before the bot\'s edit', { faults: [], person: { kind: 'sign-off', request: 'feedback' } } );
	const wanted = count === undefined ? 0 : count;
	while ( schedules.length < wanted ) {
		const faults = combination( between( 1, 3 ) );
		add( 'random ' + faults.length, { faults: faults, killAfterEdit: random() < 0.3 ? edit() : undefined } );
	}
	return count !== undefined ? schedules.slice( 0, count ) : schedules;
}

// Running the bot --------------------------------------------------------------

export interface SuiteOptions {
	botRoot: string;
	/** HELPDESK_RETRY_PAUSE_MS for the bot (the new bot's pause between mwn's retries). */
	retryPauseMs: number;
	/** HELPDESK_RUN_BUDGET_SECONDS, if set. */
	runBudgetSeconds?: number;
	log?: ( line: string ) => void;
}

export interface BotRun {
	code: number | null;
	signal: NodeJS.Signals | null;
	killed: boolean;
	/** Standard output was exactly one JSON document (not checked for killed runs). */
	json: boolean;
	stdout: string;
	stderr: string;
	ms: number;
}

export class FaultSuite {
	public readonly fixture: FaultFixture;

	public readonly proxy: FaultProxy;

	public readonly options: SuiteOptions;

	private proxyApiUrl = '';

	private child: ChildProcess | null = null;

	private admin: Mwn | null = null;

	public constructor( fixture: FaultFixture, options: SuiteOptions ) {
		this.fixture = fixture;
		this.options = options;
		this.proxy = new FaultProxy( fixture.wiki.apiUrl );
	}

	public async start(): Promise<void> {
		this.proxyApiUrl = await this.proxy.start();
	}

	public async close(): Promise<void> {
		if ( this.child && this.child.exitCode === null && this.child.signalCode === null ) {
			this.child.kill( 'SIGKILL' );
		}
		await this.proxy.close();
	}

	private log( line: string ): void {
		if ( this.options.log ) {
			this.options.log( line );
		}
	}

	public environment(): NodeJS.ProcessEnv {
		const env: NodeJS.ProcessEnv = {};
		for ( const [ name, value ] of Object.entries( process.env ) ) {
			if ( !/^HELPDESK_/.test( name ) ) {
				env[ name ] = value;
			}
		}
		const wiki = this.fixture.wiki;
		Object.assign( env, {
			HELPDESK_API_URL: this.proxyApiUrl,
			HELPDESK_BOT_USERNAME: wiki.credentials.bot.botUsername,
			HELPDESK_BOT_PASSWORD: wiki.credentials.bot.botPassword,
			HELPDESK_BOT_CONTACT: 'helpdesk@example.org',
			HELPDESK_EDIT_SPACING_MS: '0',
			HELPDESK_RETRY_PAUSE_MS: String( this.options.retryPauseMs ),
		} );
		if ( this.options.runBudgetSeconds !== undefined ) {
			env.HELPDESK_RUN_BUDGET_SECONDS = String( this.options.runBudgetSeconds );
		}
		return env;
	}

	/** SIGKILL the running bot and wait until it is gone. */
	public async killBot(): Promise<void> {
		const child = this.child;
		if ( !child || child.exitCode !== null || child.signalCode !== null ) {
			return;
		}
		await new Promise<void>( ( resolve ) => {
			child.once( 'exit', () => resolve() );
			child.kill( 'SIGKILL' );
		} );
	}

	/** `node --import tsx BOTROOT/bot/main.ts --once --json`. */
	public runBot( flags: string[] = [] ): Promise<BotRun> {
		const began = performance.now();
		return new Promise( ( resolve, reject ) => {
			const child = spawn( process.execPath, [ '--import', 'tsx', join( this.options.botRoot, 'bot', 'main.ts' ), '--once', '--json' ].concat( flags ), {
				cwd: this.options.botRoot,
				env: this.environment(),
				stdio: [ 'ignore', 'pipe', 'pipe' ],
			} );
			this.child = child;
			let stdout = '';
			let stderr = '';
			let timedOut = false;
			const timer = setTimeout( () => {
				timedOut = true;
				child.kill( 'SIGKILL' );
			}, RUN_TIMEOUT_MS );
			child.stdout!.setEncoding( 'utf8' ).on( 'data', ( chunk: string ) => {
				stdout += chunk;
			} );
			child.stderr!.setEncoding( 'utf8' ).on( 'data', ( chunk: string ) => {
				stderr += chunk;
			} );
			child.on( 'error', reject );
			child.on( 'close', ( code, signal ) => {
				clearTimeout( timer );
				this.child = null;
				const killed = signal === 'SIGKILL';
				resolve( {
					code: code, signal: signal, killed: killed, json: killed || isOneJsonDocument( stdout ), stdout: stdout,
					stderr: stderr + ( timedOut ? '\n(killed after ' + RUN_TIMEOUT_MS / 1000 + ' s)' : '' ), ms: performance.now() - began,
				} );
			} );
		} );
	}

	/** Runs until one exits 0, at most MAX_RUNS. */
	public async runUntilDone(): Promise<BotRun[]> {
		const runs: BotRun[] = [];
		while ( runs.length < MAX_RUNS ) {
			const run = await this.runBot();
			runs.push( run );
			this.log( '    run ' + runs.length + ': ' + ( run.killed ? 'SIGKILL' : 'exit ' + run.code ) + ' in ' + ( run.ms / 1000 ).toFixed( 1 ) + ' s' +
				( run.json ? '' : ' (stdout not one JSON document)' ) + ( !run.killed && run.code !== 0 ? ': ' + lastLine( run.stderr + '\n' + run.stdout ) : '' ) );
			if ( !run.killed && run.code === 0 ) {
				break;
			}
		}
		return runs;
	}

	private async adminSession(): Promise<Mwn> {
		const wiki = this.fixture.wiki;
		// A restored database may have lost the session: log in again each time.
		this.admin = await logIn( wiki, wiki.credentials.admin.botUsername, wiki.credentials.admin.botPassword );
		return this.admin;
	}

	private request( key: string ): FixtureRequest {
		const found = this.fixture.requests.find( ( request ) => request.key === key );
		if ( !found ) {
			throw new Error( 'No request ' + key + ' in the fixture' );
		}
		return found;
	}

	/** Make a person's edit, directly on the wiki (not through the proxy); what must survive of it. */
	public async personEdit( edit: PersonEdit, token: string ): Promise<HumanEdit> {
		const request = this.request( edit.request );
		const wiki = this.fixture.wiki;
		let user: string;
		let change: ( text: string ) => string;
		let keep: HumanEdit[ 'keep' ];
		if ( edit.kind === 'reply' ) {
			user = request.requester;
			const line = ':Reply ' + token + ': the partner has agreed to the licence.';
			change = ( text ) => text.replace( /\n*$/, '\n' ) + line + ' ~~~~\n';
			keep = { contains: line };
		} else if ( edit.kind === 'status' ) {
			user = STAFF;
			change = ( text ) => text.replace( /^\| status = .*$/m, '| status = approved' );
			keep = { status: 'approved' };
		} else {
			user = request.key === 'feedback' ? FARAH : AMARA;
			const line = '{{Helpdesk sign-off|kind=feedback|member=' + user + '}}';
			change = ( text ) => text.replace( /\n*$/, '\n' ) + line + ' ~~~~\n';
			keep = { contains: line };
		}
		const client = await logIn( wiki, user, this.fixture.people[ user ] );
		const before = await pageText( client, request.title );
		const response = await client.request( {
			action: 'edit', title: request.title, text: change( before ), summary: 'person\'s edit (' + edit.kind + ')', token: client.csrfToken,
		} );
		if ( !response.edit || response.edit.result !== 'Success' ) {
			throw new Error( 'The person\'s edit failed: ' + JSON.stringify( response ) );
		}
		return { title: request.title, user: user, kind: edit.kind, keep: keep };
	}

	/** The wiki as it stands: pages, deliveries. */
	public async observe(): Promise<Observation> {
		const admin = await this.adminSession();
		const pages: Record<string, string> = {};
		for ( const namespace of [ 0, 3 ] ) {
			let next: Record<string, string> | undefined = {};
			while ( next ) {
				const response = await admin.request( Object.assign( {
					action: 'query', generator: 'allpages', gapnamespace: namespace, gaplimit: 'max', prop: 'revisions', rvprop: 'content', rvslots: 'main', formatversion: '2',
				}, next ) ) as unknown as {
					query?: { pages: { title: string; revisions?: { slots: { main: { content: string } } }[] }[] };
					continue?: Record<string, string>;
				};
				for ( const page of ( response.query && response.query.pages ) || [] ) {
					if ( page.revisions ) {
						pages[ page.title ] = page.revisions[ 0 ].slots.main.content;
					}
				}
				next = response.continue;
			}
		}
		const botName = this.fixture.wiki.credentials.bot.username;
		const deliveries: Record<string, number> = {};
		const count = ( key: string ): void => {
			deliveries[ key ] = ( deliveries[ key ] || 0 ) + 1;
		};
		const botEdits = { count: 0 };
		for ( const title of Object.keys( pages ) ) {
			const isRequest = title.indexOf( REQUESTS_PREFIX ) === 0;
			const talk = /^User talk:(.+)$/.exec( title );
			if ( !isRequest && !talk ) {
				continue;
			}
			const history = await revisions( admin, title );
			history.forEach( ( revision, index ) => {
				if ( revision.user !== botName ) {
					return;
				}
				botEdits.count++;
				const before = index ? history[ index - 1 ].text : '';
				if ( isRequest ) {
					addedNames( before, revision.text, userLinks ).filter( ( name ) => name !== botName )
						.forEach( ( name ) => count( 'mention|' + name + '|' + title ) );
				} else {
					addedNames( before, revision.text, requestLinks ).forEach( ( request ) => count( 'talk|' + normaliseUser( talk![ 1 ] ) + '|' + request ) );
				}
			} );
		}
		return { pages: pages, deliveries: deliveries, botEdits: botEdits.count };
	}

	/** Restore the starting wiki, make the person's edit if any, run until exit 0 without faults. */
	public async cleanRun( person?: PersonEdit ): Promise<CleanRun> {
		const restoreMs = await restoreSnapshot( this.fixture );
		this.proxy.reset();
		const human = person ? await this.personEdit( person, 'clean' ) : null;
		const runs = await this.runUntilDone();
		const records = this.proxy.records.slice();
		const observation = await this.observe();
		const further = await this.furtherRuns();
		return {
			runs: runs, records: records, observation: observation, human: human, restoreMs: restoreMs, further: further,
			shape: {
				reads: records.filter( ( record ) => record.kind === 'read' ).length,
				edits: records.filter( ( record ) => record.kind === 'edit' ).length,
				editTitles: records.filter( ( record ) => record.kind === 'edit' ).map( ( record ) => record.title ),
			},
		};
	}

	/**
	 * A further run, then one with --full: the pages each saved (the state page
	 * aside for the second, which records the date of its full read).
	 */
	public async furtherRuns(): Promise<{ idle: string[]; full: string[]; json: boolean }> {
		this.proxy.reset();
		const idle = await this.runBot();
		const idleSaved = this.proxy.records.filter( ( record ) => record.kind === 'edit' && record.editResult === 'saved' ).map( ( record ) => record.title );
		this.proxy.reset();
		const full = await this.runBot( [ '--full' ] );
		const fullSaved = this.proxy.records.filter( ( record ) => record.kind === 'edit' && record.editResult === 'saved' && !STATE_PAGE.test( record.title ) )
			.map( ( record ) => record.title );
		this.proxy.reset();
		return { idle: idleSaved, full: fullSaved, json: idle.json && full.json };
	}

	/** One schedule against its clean reference. */
	public async runSchedule( schedule: Schedule, reference: CleanRun ): Promise<ScheduleResult> {
		const began = performance.now();
		await restoreSnapshot( this.fixture );
		let human: HumanEdit | null = null;
		let humanError = '';
		const person = schedule.person;
		const personTitle = person ? this.request( person.request ).title : '';
		this.proxy.reset( schedule.faults, {
			beforeEdit: async ( edit ) => {
				if ( person && !human && !humanError && edit.title === personTitle ) {
					try {
						human = await this.personEdit( person, schedule.name.split( ' ' )[ 0 ] );
					} catch ( error ) {
						humanError = ( error as Error ).message;
					}
				}
			},
			afterEdit: async ( edit ) => {
				if ( schedule.killAfterEdit === edit.nth ) {
					this.proxy.injected.push( 'SIGKILL after edit #' + edit.nth + ' (' + edit.title.replace( /^Content Partnerships Hub\/Helpdesk\//, '' ) + ', ' + edit.editResult + ')' );
					await this.killBot();
				}
			},
		} );
		const runs = await this.runUntilDone();
		const records = this.proxy.records.slice();
		const injected = this.proxy.injected.slice();
		this.proxy.reset();
		const observation = await this.observe();
		// A further run must find nothing left to do, and so must one that reads every page again
		// (beyond what such a run saves after the clean run too).
		const further = await this.furtherRuns();
		// A person who edited after the run began makes the next run read everything again and note that it did (its state page).
		const idleSaved = further.idle
			.filter( ( title ) => !reference.further.idle.includes( title ) && !( person && STATE_PAGE.test( title ) ) );
		const fullSaved = further.full.filter( ( title ) => !reference.further.full.includes( title ) );
		const result = compare( schedule, reference, runs, observation, human, humanError );
		if ( idleSaved.length ) {
			result.details.push( 'a further run saved: ' + idleSaved.join( ', ' ) );
		}
		if ( fullSaved.length ) {
			result.details.push( 'a further run reading every page saved: ' + fullSaved.join( ', ' ) );
		}
		const idleEdits = idleSaved.length + fullSaved.length;
		// What the wiki answered when an edit whose answer never arrived was sent again.
		records.forEach( ( record, index ) => {
			if ( record.kind === 'edit' && ( record.outcome === 'lost-response' || record.outcome === 'drop' || record.outcome === 'http503' || record.outcome === 'http500' ) ) {
				const again = records.slice( index + 1 ).find( ( other ) => other.kind === 'edit' && other.title === record.title );
				result.details.push( 'edit of ' + record.title + ' (' + record.outcome + ( record.editResult ? ', applied: ' + record.editResult : ', not applied' ) +
					') sent again: ' + ( again ? again.editResult + ' (' + again.outcome + ')' : 'never' ) );
			}
		} );
		return Object.assign( result, {
			injected: injected, records: records, idleEdits: idleEdits, idleJson: further.json, ms: performance.now() - began,
		} );
	}
}

function lastLine( text: string ): string {
	const lines = text.trim().split( '\n' ).filter( ( line ) => line.trim() !== '' );
	return ( lines[ lines.length - 1 ] || '' ).slice( 0, 160 );
}

export function isOneJsonDocument( stdout: string ): boolean {
	try {
		const value: unknown = JSON.parse( stdout );
		return value !== null && typeof value === 'object';
	} catch {
		return false;
	}
}

// Reading the wiki ----------------------------------------------------------------

interface Revision {
	user: string;
	text: string;
}

async function revisions( admin: Mwn, title: string ): Promise<Revision[]> {
	const list: Revision[] = [];
	let next: Record<string, string> | undefined = {};
	while ( next ) {
		const response = await admin.request( Object.assign( {
			action: 'query', titles: title, prop: 'revisions', rvprop: 'user|content', rvslots: 'main', rvlimit: 'max', rvdir: 'newer', formatversion: '2',
		}, next ) ) as unknown as {
			query?: { pages: { revisions?: { user?: string; slots: { main: { content?: string } } }[] }[] };
			continue?: Record<string, string>;
		};
		for ( const revision of ( response.query && response.query.pages[ 0 ].revisions ) || [] ) {
			list.push( { user: revision.user || '', text: revision.slots.main.content || '' } );
		}
		next = response.continue;
	}
	return list;
}

export function normaliseUser( name: string ): string {
	const spaced = name.replace( /_/g, ' ' ).replace( /\s+/g, ' ' ).trim();
	return spaced.charAt( 0 ).toUpperCase() + spaced.slice( 1 );
}

/** Users linked (`[[User:X|…]]`, `[[User:X]]`, any case or underscores) or pinged (`{{ping|X}}` and the like). */
export function userLinks( text: string ): string[] {
	const names: string[] = [];
	for ( const match of text.matchAll( /\[\[\s*user\s*:\s*([^|\]#/]+)[^\]]*\]\]/gi ) ) {
		names.push( normaliseUser( match[ 1 ] ) );
	}
	for ( const match of text.matchAll( /\{\{\s*(?:ping|u|re|reply to|replyto)\s*\|([^}]*)\}\}/gi ) ) {
		match[ 1 ].split( '|' ).filter( ( part ) => part.trim() !== '' && !part.includes( '=' ) ).forEach( ( part ) => names.push( normaliseUser( part ) ) );
	}
	return names;
}

/** Request pages linked. */
export function requestLinks( text: string ): string[] {
	const titles: string[] = [];
	const prefix = REQUESTS_PREFIX.replace( /[.*+?^${}()|[\]\\]/g, '\\$&' ).replace( / /g, '[ _]' );
	for ( const match of text.matchAll( new RegExp( '\\[\\[\\s*:?(' + prefix + '[^|\\]#]+)', 'gi' ) ) ) {
		titles.push( match[ 1 ].replace( /_/g, ' ' ).trim() );
	}
	return titles;
}

/** Names (or titles) that `after` has more of than `before`: one each, whatever the surplus. */
function addedNames( before: string, after: string, find: ( text: string ) => string[] ): string[] {
	const had: Record<string, number> = {};
	find( before ).forEach( ( name ) => {
		had[ name ] = ( had[ name ] || 0 ) + 1;
	} );
	const now: Record<string, number> = {};
	find( after ).forEach( ( name ) => {
		now[ name ] = ( now[ name ] || 0 ) + 1;
	} );
	return Object.keys( now ).filter( ( name ) => now[ name ] > ( had[ name ] || 0 ) );
}

// Comparing -------------------------------------------------------------------------

export interface Observation {
	/** Title → text, for every page in the main and user talk namespaces. */
	pages: Record<string, string>;
	/** `mention|USER|REQUEST` or `talk|USER|REQUEST` → deliveries. */
	deliveries: Record<string, number>;
	botEdits: number;
}

export interface HumanEdit {
	title: string;
	user: string;
	kind: PersonEditKind;
	keep: { contains?: string; status?: string };
}

export interface CleanRun {
	runs: BotRun[];
	records: ProxyRecord[];
	observation: Observation;
	human: HumanEdit | null;
	shape: CleanShape;
	restoreMs: number;
	/** What further runs saved after the clean run (see FaultSuite#furtherRuns). */
	further: { idle: string[]; full: string[]; json: boolean };
}

export interface ScheduleResult {
	schedule: Schedule;
	runs: BotRun[];
	converged: boolean;
	duplicates: number;
	/** (recipient, request) notified here and not in the clean run. */
	extra: number;
	lost: number;
	lostHumanEdits: number;
	nonJson: number;
	pagesDiffering: string[];
	/** Pages differ because the person's edit came mid-run, where that legitimately changes what the bot writes. */
	orderDependent: boolean;
	details: string[];
	injected: string[];
	records: ProxyRecord[];
	idleEdits: number;
	idleJson: boolean;
	ms: number;
}

const STATE_PAGE = /\/Helpdesk\/Bot\/State(?:\.json|\/\d+\.json)$/;

export function normaliseText( text: string ): string {
	return text

		.replace( /\d\d:\d\d, \d{1,2} [A-Z][a-z]+ \d{4} \(UTC\)/g, '<SIGNATURE TIME>' )
		// eslint-disable-next-line security/detect-unsafe-regex -- bounded, no nested repetition
		.replace( /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,6})?Z/g, '<TIME>' )
		.replace( /\d{4}-\d\d-\d\d/g, '<DATE>' )
		.replace( /("(?:rev|page)id"\s*:\s*)\d+/g, '$1<ID>' )
		.replace( /((?:old|rev|cur|diff)id=)\d+/g, '$1<ID>' );
}

function shortDiff( before: string, after: string ): string {
	const lines: string[] = [];
	for ( const part of diffLines( before, after ) ) {
		if ( part.added || part.removed ) {
			part.value.replace( /\n$/, '' ).split( '\n' ).forEach( ( line ) => lines.push( ( part.added ? '+ ' : '- ' ) + line.replace( /\t/g, '⇥' ).slice( 0, 200 ) ) );
		}
	}
	return lines.slice( 0, 8 ).join( '\n' ) + ( lines.length > 8 ? '\n  … ' + ( lines.length - 8 ) + ' more lines' : '' );
}

/** `USER|REQUEST` → channel → deliveries. */
function byPair( deliveries: Record<string, number> ): Record<string, Record<string, number>> {
	const pairs: Record<string, Record<string, number>> = {};
	for ( const [ key, times ] of Object.entries( deliveries ) ) {
		const [ channel, ...rest ] = key.split( '|' );
		const pair = rest.join( '|' );
		pairs[ pair ] = pairs[ pair ] || {};
		pairs[ pair ][ channel ] = ( pairs[ pair ][ channel ] || 0 ) + times;
	}
	return pairs;
}

function deliveriesOf( channels: Record<string, number> ): number {
	return Object.values( channels ).reduce( ( sum, times ) => sum + times, 0 );
}

function describeChannels( channels: Record<string, number> ): string {
	return Object.keys( channels ).sort().map( ( channel ) => channel + ' ×' + channels[ channel ] ).join( ', ' );
}

function humanEditKept( edit: HumanEdit, text: string ): boolean {
	if ( edit.keep.contains !== undefined ) {
		return text.includes( edit.keep.contains );
	}
	const status = /^\|\s*status\s*=\s*(.*)$/m.exec( text );
	return !!status && status[ 1 ].trim() === edit.keep.status;
}

function compare(
	schedule: Schedule, reference: CleanRun, runs: BotRun[], observed: Observation, human: HumanEdit | null, humanError: string,
): ScheduleResult {
	const details: string[] = [];
	const clean = reference.observation;
	const converged = runs.length > 0 && !runs[ runs.length - 1 ].killed && runs[ runs.length - 1 ].code === 0;
	// Per (recipient, request): a second delivery on the same channel, or the same notice by mention and on the talk page, is a duplicate.
	const here = byPair( observed.deliveries );
	const cleanPairs = byPair( clean.deliveries );
	let duplicates = 0;
	let extra = 0;
	for ( const [ pair, channels ] of Object.entries( here ) ) {
		const times = deliveriesOf( channels );
		const expected = Math.max( cleanPairs[ pair ] ? deliveriesOf( cleanPairs[ pair ] ) : 0, 1 );
		const shown = pair.replace( '|', ' about ' ) + ': ' + describeChannels( channels ) + ' (clean run: ' + ( cleanPairs[ pair ] ? describeChannels( cleanPairs[ pair ] ) : 'none' ) + ')';
		if ( times > expected ) {
			duplicates += times - expected;
			details.push( 'duplicate: ' + shown );
		}
		if ( !cleanPairs[ pair ] ) {
			extra++;
			details.push( 'not notified in the clean run: ' + shown );
		}
	}
	const lostKeys = Object.keys( cleanPairs ).filter( ( pair ) => !here[ pair ] );
	lostKeys.forEach( ( pair ) => details.push( 'lost notice: ' + pair.replace( '|', ' about ' ) ) );
	let lostHumanEdits = 0;
	if ( schedule.person ) {
		if ( !human ) {
			lostHumanEdits++;
			details.push( 'the person\'s edit was not made' + ( humanError ? ': ' + humanError : ' (the bot never edited the page)' ) );
		} else if ( !humanEditKept( human, observed.pages[ human.title ] || '' ) ) {
			lostHumanEdits++;
			details.push( 'the person\'s edit (' + human.kind + ' by ' + human.user + ') is gone from ' + human.title );
		}
	}
	const pagesDiffering: string[] = [];
	const titles = Array.from( new Set( Object.keys( clean.pages ).concat( Object.keys( observed.pages ) ) ) )
		.filter( ( title ) => !STATE_PAGE.test( title ) ).sort();
	for ( const title of titles ) {
		const before = normaliseText( clean.pages[ title ] === undefined ? '(missing)' : clean.pages[ title ] );
		const after = normaliseText( observed.pages[ title ] === undefined ? '(missing)' : observed.pages[ title ] );
		if ( before !== after ) {
			pagesDiffering.push( title );
			details.push( 'differs: ' + title + '\n' + shortDiff( before, after ).replace( /^/gm, '    ' ) );
		}
	}
	const nonJson = runs.filter( ( run ) => !run.killed && !run.json ).length;
	return {
		schedule: schedule, runs: runs, converged: converged, duplicates: duplicates, extra: extra,
		lost: lostKeys.length, lostHumanEdits: lostHumanEdits,
		nonJson: nonJson, pagesDiffering: pagesDiffering, orderDependent: !!schedule.person && ( pagesDiffering.length > 0 || extra > 0 ),
		details: details, injected: [], records: [], idleEdits: 0, idleJson: true, ms: 0,
	};
}

/** Whether a schedule passed: what must hold whatever the order of events. */
export function passed( result: ScheduleResult ): boolean {
	return result.converged && result.duplicates === 0 && result.lost === 0 && result.lostHumanEdits === 0 &&
		result.nonJson === 0 && result.idleJson &&
		result.idleEdits === 0 && ( result.orderDependent || ( result.pagesDiffering.length === 0 && result.extra === 0 ) );
}

// The table -----------------------------------------------------------------------

export function resultTable( results: ScheduleResult[] ): string {
	const header = [ 'schedule', 'faults injected', 'runs', 'converged', 'dup', 'extra', 'lost', 'lost human', 'non-JSON', 'idle edits', 'pages differing', 'time' ];
	const rows = results.map( ( result ) => [
		result.schedule.name,
		result.injected.concat( result.schedule.person ? [ 'person: ' + result.schedule.person.kind + ' on ' + result.schedule.person.request ] : [] ).join( '; ' ) ||
			describeSchedule( result.schedule ) + ' (nothing happened)',
		String( result.runs.length ) + ' (' + result.runs.map( ( run ) => run.killed ? 'K' : String( run.code ) ).join( '' ) + ')',
		result.converged ? 'yes' : 'NO',
		String( result.duplicates ),
		String( result.extra ),
		String( result.lost ),
		String( result.lostHumanEdits ),
		String( result.nonJson + ( result.idleJson ? 0 : 1 ) ),
		String( result.idleEdits ),
		String( result.pagesDiffering.length ) + ( result.orderDependent ? ' (order)' : '' ),
		( result.ms / 1000 ).toFixed( 1 ) + ' s',
	] );
	const sum = ( pick: ( result: ScheduleResult ) => number ): number => results.reduce( ( total, result ) => total + pick( result ), 0 );
	rows.push( [
		'TOTAL (' + results.length + ' schedules, ' + results.filter( passed ).length + ' passed)',
		String( sum( ( result ) => result.injected.length ) ) + ' faults and kills',
		String( sum( ( result ) => result.runs.length ) ),
		results.filter( ( result ) => result.converged ).length + '/' + results.length,
		String( sum( ( result ) => result.duplicates ) ),
		String( sum( ( result ) => result.extra ) ),
		String( sum( ( result ) => result.lost ) ),
		String( sum( ( result ) => result.lostHumanEdits ) ),
		String( sum( ( result ) => result.nonJson + ( result.idleJson ? 0 : 1 ) ) ),
		String( sum( ( result ) => result.idleEdits ) ),
		String( results.filter( ( result ) => result.pagesDiffering.length > 0 ).length ) + ' schedules',
		( sum( ( result ) => result.ms ) / 1000 ).toFixed( 0 ) + ' s',
	] );
	const widths = header.map( ( _, column ) => Math.max(
		header[ column ].length, ...rows.map( ( row ) => Math.min( row[ column ].length, column === 1 ? 90 : 60 ) ),
	) );
	const fit = ( cell: string, width: number ): string => cell.length > width ? cell.slice( 0, width - 1 ) + '…' : cell.padEnd( width );
	const line = ( cells: string[] ): string => '| ' + cells.map( ( cell, column ) => fit( cell, widths[ column ] ) ).join( ' | ' ) + ' |';
	const lines = [ line( header ), '|' + widths.map( ( width ) => '-'.repeat( width + 2 ) ).join( '|' ) + '|' ];
	rows.forEach( ( row, index ) => {
		if ( index === rows.length - 1 ) {
			lines.push( lines[ 1 ] );
		}
		lines.push( line( row ) );
	} );
	return lines.join( '\n' );
}
