/**
 * The thin layer between the planner and the wiki: batched reads and single edits
 * through anything with mwn's `request( params )`. It enforces what must hold
 * whatever the planner decides: only allowed pages are edited, pages that shut the
 * bot out are left alone, every edit asserts the bot account and names its base
 * revision, and rate limits or a failing server stop the run.
 */
import type { PlanConfig } from './config';
import { isBotPage } from './plan/names';
import type { PageHistory, PageSnapshot, PlannedEdit, Revision, TalkPage } from './plan/types';
import { botsDenied } from './plan/wikitext';

/** What the layer needs of mwn: `Mwn#request` has this shape. */
export interface ApiClient {
	request( params: Record<string, string | number | boolean | string[] | undefined> ): Promise<ApiResponse>;
}

// The API's JSON, formatversion 2; read defensively.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ApiResponse = any;

/** Why a run stops early; `code` is the API's error code where there is one. */
export class RunStop extends Error {
	public override name = 'RunStop';

	public constructor( public code: string, message: string ) {
		super( message );
	}
}

/** An edit the layer refused or the wiki rejected, for this page only. */
export class EditRefused extends Error {
	public override name = 'EditRefused';

	public constructor( public code: string, message: string ) {
		super( message );
	}
}

export interface SavedEdit {
	title: string;
	nochange: boolean;
	revid: number;
	timestamp: string;
}

export interface StartRead {
	shutoff: string | null;
	committee: string | null;
	/** The pages of the bot's state that exist, among those asked for. */
	statePages: PageSnapshot[];
	/** The account the bot is logged in as, and whether it has the high API limits. */
	userName: string;
	highLimits: boolean;
	userIsBot: boolean;
	/** Recent changes in the Helpdesk's namespaces, newest first, back to `coveredSince`. */
	changes: RecentChange[];
	/** Oldest time the changes are complete for (an empty string: not read). */
	coveredSince: string;
}

export interface RecentChange {
	title: string;
	/** 0 when unknown (a deleted page). */
	pageid: number;
	revid: number;
	timestamp: string;
	type: string;
	/** For a log entry, its type (`delete`, `move`, `contentmodel`…); '' otherwise. */
	logType: string;
	/** For moves, the new title. */
	target?: string;
}

/** Everything about the Helpdesk's place on the wiki that the layer needs. */
export interface WikiSite {
	plan: PlanConfig;
	/** Namespace number and prefix without namespace, of the request pages. */
	requestsNamespace: number;
	requestsPrefixText: string;
	/** Namespaces to watch in recent changes. */
	namespaces: number[];
}

/** Errors after which the run cannot sensibly go on. */
const STOPPING = [ 'ratelimited', 'readonly', 'maxlag', 'assertbotfailed', 'assertuserfailed', 'assertnameduserfailed', 'badtoken', 'mwoauth-invalid-authorization' ];

/** The API error code of whatever mwn threw; never the request (it holds credentials). */
export function errorCode( error: unknown ): string {
	if ( error && typeof error === 'object' ) {
		const code = ( error as { code?: unknown } ).code;
		const status = ( error as { response?: { status?: unknown } } ).response;
		if ( typeof code === 'string' && code !== '' ) {
			return code;
		}
		if ( status && typeof status.status === 'number' ) {
			return 'http-' + status.status;
		}
	}
	return 'network';
}

/** The API's explanation, or the message of a network or program error (never the request). */
function errorInfo( error: unknown ): string {
	const info = error && typeof error === 'object' ? ( error as { info?: unknown } ).info : undefined;
	if ( typeof info === 'string' ) {
		return info;
	}
	return error instanceof Error ? error.message : 'request failed';
}

function isServerTrouble( code: string ): boolean {
	return code === 'network' || /^http-5/.test( code ) || code === 'http-429' || /^internal_api_error/.test( code ) ||
		code === 'invalidjson' || code === 'ECONNRESET' || code === 'ECONNREFUSED' || code === 'ETIMEDOUT';
}

export class HelpdeskWiki {
	private readonly api: ApiClient;

	private readonly site: WikiSite;

	private readonly token: () => string;

	/** Titles of talk pages the bot may edit: members who chose `talk`. */
	private talkAllowed: string[] = [];

	public highLimits = false;

	public pagesRead = 0;

	public constructor( api: ApiClient, site: WikiSite, token: () => string ) {
		this.api = api;
		this.site = site;
		this.token = token;
	}

	/** Every read goes through here, so that failures are classified once. */
	private async query( params: Record<string, string | number | boolean | string[] | undefined> ): Promise<ApiResponse> {
		try {
			return await this.api.request( Object.assign( { action: 'query', format: 'json', formatversion: '2' }, params ) );
		} catch ( error ) {
			// A run cannot plan on half of what it needs to read.
			const code = errorCode( error );
			throw new RunStop( code, 'Reading failed: ' + code + ': ' + errorInfo( error ) );
		}
	}

	/** Follows `continue` to the end, merging the pages of each response. */
	private async queryAll( params: Record<string, string | number | boolean | undefined>, collect: ( response: ApiResponse ) => void ): Promise<void> {
		let next: Record<string, string> | undefined = {};
		while ( next ) {
			const response = await this.query( Object.assign( {}, params, next ) );
			collect( response );
			next = response.continue;
		}
	}

	private get batchSize(): number {
		return this.highLimits ? 500 : 50;
	}

	/**
	 * The first read of a run, usually its only one when nothing changed: the
	 * shutoff and committee pages, the pages of the bot's state (`stateTitles`), who
	 * we are, and the recent changes in the Helpdesk's namespaces back to the time
	 * `coveredFrom` finds in the state pages (less `overlapSeconds`, for changes
	 * recorded late). The changes continue only while not yet covered; with no
	 * such time they are not followed at all.
	 */
	public async readStart(
		overlapSeconds: number, stateTitles: string[], coveredFrom: ( statePages: PageSnapshot[] ) => string,
	): Promise<StartRead> {
		const pages = this.site.plan.pages;
		const params: Record<string, string | number | boolean | undefined> = {
			titles: [ pages.shutoff, pages.committee ].concat( stateTitles ).join( '|' ),
			prop: 'revisions',
			rvprop: 'ids|timestamp|user|content',
			rvslots: 'main',
			meta: 'userinfo',
			uiprop: 'rights|groups',
			list: 'recentchanges',
			rcnamespace: this.site.namespaces.join( '|' ),
			rcprop: 'title|ids|timestamp|loginfo',
			rctype: 'edit|new|log',
			rclimit: 'max',
		};
		const result: StartRead = {
			shutoff: null, committee: null, statePages: [], userName: '', highLimits: false, userIsBot: false, changes: [], coveredSince: '',
		};
		let response = await this.query( params );
		const query = response.query || {};
		for ( const page of query.pages || [] ) {
			const revision = page.revisions && page.revisions[ 0 ];
			const text = revision ? revision.slots.main.content : null;
			const title = this.resolve( query, page.title );
			if ( title === pages.shutoff ) {
				result.shutoff = text;
			} else if ( title === pages.committee ) {
				result.committee = text;
			} else if ( stateTitles.includes( title ) ) {
				const snapshot = this.snapshot( page );
				if ( snapshot ) {
					result.statePages.push( Object.assign( snapshot, { title: title } ) );
				}
			}
		}
		const user = query.userinfo || {};
		result.userName = user.name || '';
		result.highLimits = ( user.rights || [] ).includes( 'apihighlimits' );
		result.userIsBot = ( user.groups || [] ).includes( 'bot' ) || ( user.rights || [] ).includes( 'bot' );
		this.highLimits = result.highLimits;
		this.pagesRead += 2 + result.statePages.length;
		const from = Date.parse( coveredFrom( result.statePages ) );
		if ( isNaN( from ) ) {
			return result;
		}
		const since = new Date( from - overlapSeconds * 1000 ).toISOString().replace( /\.\d{3}Z$/, 'Z' );
		const rcParams = {
			list: 'recentchanges', rcnamespace: params.rcnamespace, rcprop: params.rcprop, rctype: params.rctype, rclimit: 'max', rcend: since,
		};
		for ( ;; ) {
			for ( const change of ( response.query && response.query.recentchanges ) || [] ) {
				if ( change.timestamp >= since ) {
					result.changes.push( {
						title: change.title,
						pageid: change.pageid || 0,
						revid: change.revid || 0,
						timestamp: change.timestamp,
						type: change.type,
						logType: change.logtype || '',
						target: change.logparams && change.logparams.target_title,
					} );
				}
			}
			const oldest = result.changes.length ? result.changes[ result.changes.length - 1 ].timestamp : '';
			if ( !response.continue || !response.continue.rccontinue || ( oldest !== '' && oldest < since ) ||
				( response.query && ( response.query.recentchanges || [] ).some( ( change: { timestamp: string } ) => change.timestamp < since ) ) ) {
				break;
			}
			response = await this.query( Object.assign( {}, rcParams, { rccontinue: response.continue.rccontinue, continue: response.continue.continue } ) );
		}
		result.coveredSince = since;
		return result;
	}

	/** MediaWiki normalises titles; map a returned title back to what we asked. */
	private resolve( query: ApiResponse, title: string ): string {
		const normalized = ( query.normalized || [] ).find( ( entry: { to: string } ) => entry.to === title );
		return normalized ? normalized.from : title;
	}

	private snapshot( page: ApiResponse ): PageSnapshot | null {
		const revision = page.revisions && page.revisions[ 0 ];
		if ( page.missing || !revision || !revision.slots ) {
			return null;
		}
		return {
			title: page.title,
			pageid: page.pageid,
			revid: revision.revid,
			timestamp: revision.timestamp,
			user: revision.user || '',
			text: revision.slots.main.content,
		};
	}

	/** Every request page with its content: allpages as a generator, 50 (500) a call. */
	public async readAllRequests(): Promise<PageSnapshot[]> {
		const found: Record<string, PageSnapshot> = {};
		await this.queryAll( {
			generator: 'allpages',
			gapnamespace: this.site.requestsNamespace,
			gapprefix: this.site.requestsPrefixText,
			gaplimit: this.batchSize,
			prop: 'revisions',
			rvprop: 'ids|timestamp|user|content',
			rvslots: 'main',
		}, ( response ) => this.collect( response, ( snapshot ) => {
			found[ snapshot.title ] = snapshot;
		} ) );
		const pages = Object.keys( found ).sort().map( ( title ) => found[ title ] );
		this.pagesRead += pages.length;
		return pages;
	}

	/** The snapshots of a response's pages, and the titles of its missing pages. */
	private collect( response: ApiResponse, onPage: ( snapshot: PageSnapshot ) => void, onMissing?: ( title: string ) => void ): void {
		for ( const page of ( response.query && response.query.pages ) || [] ) {
			const snapshot = this.snapshot( page );
			if ( snapshot ) {
				onPage( snapshot );
			} else if ( page.missing && onMissing ) {
				onMissing( page.title );
			}
		}
	}

	/** Some pages with their content, by title, in batches; missing pages are listed apart. */
	public async readPages( titles: string[] ): Promise<{ pages: PageSnapshot[]; missing: string[] }> {
		const pages: PageSnapshot[] = [];
		const missing: string[] = [];
		for ( let i = 0; i < titles.length; i += this.batchSize ) {
			await this.queryAll( {
				titles: titles.slice( i, i + this.batchSize ).join( '|' ),
				prop: 'revisions',
				rvprop: 'ids|timestamp|user|content',
				rvslots: 'main',
			}, ( response ) => this.collect( response, ( snapshot ) => pages.push( snapshot ), ( title ) => missing.push( title ) ) );
		}
		this.pagesRead += pages.length;
		return { pages: pages, missing: missing };
	}

	/** Talk pages to append notices to; a missing one is an empty page to create. */
	public async readTalkPages( titles: string[] ): Promise<TalkPage[]> {
		const { pages, missing } = await this.readPages( titles );
		return pages.map( ( page ): TalkPage => ( { title: page.title, revid: page.revid, timestamp: page.timestamp, text: page.text } ) )
			.concat( missing.map( ( title ) => ( { title: title, revid: null, timestamp: '', text: '' } ) ) );
	}

	/** One page's revisions from `fromRevid` (or its creation), oldest first, to find who added a sign-off. */
	public async readHistory( title: string, fromRevid: number | null ): Promise<PageHistory> {
		const revisions: Revision[] = [];
		await this.queryAll( {
			titles: title,
			prop: 'revisions',
			rvprop: 'ids|timestamp|user|content',
			rvslots: 'main',
			rvdir: 'newer',
			rvlimit: 'max',
			rvstartid: fromRevid === null ? undefined : fromRevid,
		}, ( response ) => {
			for ( const page of ( response.query && response.query.pages ) || [] ) {
				for ( const revision of page.revisions || [] ) {
					revisions.push( {
						revid: revision.revid,
						user: revision.user || '',
						timestamp: revision.timestamp,
						text: revision.slots && revision.slots.main ? revision.slots.main.content || '' : '',
					} );
				}
			}
		} );
		return { fromRevid: fromRevid, revisions: revisions };
	}

	/** Latest revision id and SHA-1 of the compiled pages, without their content; null for a missing page. */
	public async readGeneratedInfo( titles: string[] ): Promise<Record<string, { revid: number; sha1: string; timestamp: string } | null>> {
		const info: Record<string, { revid: number; sha1: string; timestamp: string } | null> = {};
		titles.forEach( ( title ) => {
			info[ title ] = null;
		} );
		for ( let i = 0; i < titles.length; i += this.batchSize ) {
			const response = await this.query( { titles: titles.slice( i, i + this.batchSize ).join( '|' ), prop: 'revisions', rvprop: 'ids|sha1|timestamp' } );
			const query = response.query || {};
			for ( const page of query.pages || [] ) {
				const revision = page.revisions && page.revisions[ 0 ];
				if ( revision ) {
					info[ this.resolve( query, page.title ) ] = { revid: revision.revid, sha1: revision.sha1, timestamp: revision.timestamp };
				}
			}
		}
		return info;
	}

	/** Talk pages of members who chose `talk` become editable. */
	public allowTalkPages( titles: string[] ): void {
		this.talkAllowed = titles.slice();
	}

	/**
	 * The allowlist: request subpages; the compiled pages with their archive and
	 * export pages and the bot's state pages, by their exact naming scheme; talk
	 * pages of `talk` members.
	 */
	public mayEdit( title: string ): boolean {
		const pages = this.site.plan.pages;
		const prefix = pages.requestsPrefix;
		return ( title.length > prefix.length && title.slice( 0, prefix.length ) === prefix ) ||
			isBotPage( pages, title ) || this.talkAllowed.includes( title );
	}

	/**
	 * Save one planned edit on top of `base` (the text it replaces, as read, and its
	 * revision). Throws EditRefused for this page, RunStop for the run.
	 */
	public async edit( edit: PlannedEdit, base: { text: string; revid: number | null; timestamp: string } ): Promise<SavedEdit> {
		if ( !this.mayEdit( edit.title ) ) {
			throw new EditRefused( 'not-allowed', edit.title + ' is not a page the bot may edit.' );
		}
		if ( base.revid !== null && botsDenied( base.text, this.botName ) ) {
			throw new EditRefused( 'bots-denied', edit.title + ' shuts the bot out ({{nobots}} or {{bots}}).' );
		}
		const params: Record<string, string | number | boolean | undefined> = {
			action: 'edit',
			format: 'json',
			formatversion: '2',
			title: edit.title,
			text: edit.text,
			summary: edit.summary,
			bot: true,
			assert: 'bot',
			watchlist: 'nochange',
			token: this.token(),
		};
		if ( base.revid === null ) {
			params.createonly = true;
		} else {
			params.nocreate = true;
			params.baserevid = base.revid;
			// Unknown for the compiled pages; MediaWiki deprecates an empty one.
			params.basetimestamp = base.timestamp || undefined;
		}
		if ( edit.contentModel ) {
			params.contentmodel = edit.contentModel;
		}
		let response: ApiResponse;
		try {
			response = await this.api.request( params );
		} catch ( error ) {
			const code = errorCode( error );
			if ( STOPPING.includes( code ) || isServerTrouble( code ) ) {
				throw new RunStop( code, 'Editing ' + edit.title + ' failed: ' + code + ': ' + errorInfo( error ) );
			}
			throw new EditRefused( code, 'Editing ' + edit.title + ' failed: ' + code + ': ' + errorInfo( error ) );
		}
		const result = response && response.edit;
		if ( !result || result.result !== 'Success' ) {
			const code = result && result.captcha ? 'captcha' : result && result.code ? String( result.code ) : 'edit-failure';
			throw new EditRefused( code, 'Editing ' + edit.title + ' failed: ' + code );
		}
		return {
			title: edit.title,
			nochange: !!result.nochange,
			revid: result.newrevid || base.revid || 0,
			timestamp: result.newtimestamp || base.timestamp,
		};
	}

	/** The bot's own user name, for `{{bots}}` checks; set after readStart. */
	public botName = '';
}
