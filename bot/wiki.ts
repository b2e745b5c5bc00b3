/**
 * The thin layer between the planner and the wiki, on mwn: its continuation
 * (`continuedQueryGen`), batching (`massQueryGen`, 50 or 500 titles a request),
 * error type and retries. It enforces what must hold whatever the planner decides:
 * only allowed pages are edited, pages that shut the bot out are left alone, every
 * edit asserts the bot account and names its base revision, and an edit whose
 * answer was lost is never sent again blindly: the caller reads the page again.
 */
import type { ApiParams, Mwn } from 'mwn';
import type { PlanConfig } from './config';
import { isBotPage } from './plan/names';
import type { PageSnapshot, PlannedEdit, Revision, TalkPage } from './plan/types';
import { botsDenied } from './plan/wikitext';
import { isoSeconds } from '../shared/wikitext';

// The API's JSON, formatversion 2; read defensively.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ApiResponse = any;

/** What the layer needs of mwn. */
export type ApiClient = Pick<Mwn, 'request' | 'continuedQueryGen' | 'massQueryGen'>;

/** Why a run stops early; `code` is the API's error code where there is one. */
export class RunStop extends Error {
	public override name = 'RunStop';

	public constructor( public code: string, message: string ) {
		super( message );
	}
}

/**
 * An edit that did not go through as sent. `outcome` says what the caller does:
 * `read-again` (a conflict, a page created meanwhile, an answer lost: the edit may
 * or may not be saved), `gone` (deleted or moved away), `refused` (protection,
 * a filter, a block: not in this run).
 */
export class EditRefused extends Error {
	public override name = 'EditRefused';

	public constructor( public code: string, public outcome: 'read-again' | 'gone' | 'refused', message: string ) {
		super( message );
	}
}

export interface SavedEdit {
	title: string;
	nochange: boolean;
	revid: number;
}

export interface StartRead {
	/** Text of the shutoff, committee and volunteers' pages, null if missing. */
	shutoff: string | null;
	committee: string | null;
	volunteers: string | null;
	/** The process settings page as saved, null if missing. */
	settings: PageSnapshot | null;
	/** The state pages that exist, among those asked for. */
	statePages: PageSnapshot[];
	userName: string;
	highLimits: boolean;
	/** Titles of pages of the Helpdesk changed by others since the state was saved. */
	changed: string[];
	/** The newest recent change seen, to start from next time. */
	lastRcid: number;
	/** Whether the recent changes reach back to the state's save (they are kept ~90 days). */
	covered: boolean;
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

/** API errors after which the run cannot sensibly go on (mwn has retried what can be). */
const STOPPING = [ 'ratelimited', 'readonly', 'maxlag', 'assertbotfailed', 'assertuserfailed', 'assertnameduserfailed', 'badtoken',
	'mwoauth-invalid-authorization', 'blocked', 'autoblocked' ];
/** Edit errors after which the page must be read again before anything more is decided. */
const READ_AGAIN = [ 'editconflict', 'articleexists', 'pagedeleted', 'internal_api_error_DBQueryError' ];
const GONE = [ 'missingtitle', 'nosuchpageid', 'pagedeleted' ];

/** The API error code of whatever mwn threw; never the request (it holds credentials). */
export function errorCode( error: unknown ): string {
	if ( error && typeof error === 'object' ) {
		const code = ( error as { code?: unknown } ).code;
		const status = ( error as { response?: { status?: unknown } } ).response;
		if ( typeof code === 'string' && code !== '' && !/^ERR_BAD_(RESPONSE|REQUEST)$/.test( code ) ) {
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
	return typeof info === 'string' && info !== '' ? info : error instanceof Error ? error.message : 'request failed';
}

/** An API error (the wiki answered), as opposed to a failure of the network or the server. */
function isApiError( code: string ): boolean {
	return !/^(http-|network$|E[A-Z]+$|ECONN|invalidjson$)/.test( code );
}

const REVISION_PROPS = { prop: 'info|revisions', rvprop: 'ids|timestamp|user|content', rvslots: 'main' };

type Params = Record<string, string | number | boolean | string[] | number[] | undefined>;

/** API parameters without the unset ones. */
function apiParams( ...parts: Params[] ): ApiParams {
	const params: ApiParams = {};
	parts.forEach( ( part ) => Object.keys( part ).forEach( ( key ) => {
		const value = part[ key ];
		if ( value !== undefined ) {
			params[ key ] = value;
		}
	} ) );
	return params;
}

export class HelpdeskWiki {
	/** Titles of talk pages the bot may edit: members who chose `talk`. */
	private talkAllowed: string[] = [];

	public pagesRead = 0;

	/** The bot's own user name, for `{{bots}}` checks; set by readStart. */
	public botName = '';

	public constructor( private readonly api: ApiClient, private readonly site: WikiSite, private readonly token: () => string ) {}

	/** Every read goes through here: mwn retries what can be retried; what still fails stops the run. */
	private async read<T>( what: string, reading: () => Promise<T> ): Promise<T> {
		try {
			return await reading();
		} catch ( error ) {
			const code = errorCode( error );
			throw new RunStop( code, 'Reading ' + what + ' failed: ' + code + ': ' + errorInfo( error ) );
		}
	}

	private async all( what: string, params: Params, collect: ( response: ApiResponse ) => void ): Promise<void> {
		await this.read( what, async () => {
			for await ( const response of this.api.continuedQueryGen( apiParams( { action: 'query' }, params ) ) ) {
				collect( response );
			}
		} );
	}

	private async batches( what: string, field: string, values: ( string | number )[], params: Params,
		collect: ( response: ApiResponse ) => void ): Promise<void> {
		if ( values.length === 0 ) {
			return;
		}
		await this.read( what, async () => {
			for await ( const response of this.api.massQueryGen( apiParams( { action: 'query' }, params, { [ field ]: values as string[] } ), field ) ) {
				if ( response instanceof Error ) {
					throw response;
				}
				collect( response );
			}
		} );
	}

	/**
	 * The first read of a run, usually its only one: the shutoff and committee
	 * pages, the state pages (`stateTitles`), who we are, and the changes by others
	 * in the Helpdesk's namespaces since `since` (less `overlapSeconds`, for changes
	 * recorded late), newer than recent change `rcid`. Changes are followed back
	 * only when there is a `since`.
	 */
	public async readStart( stateTitles: string[], since: ( statePages: PageSnapshot[] ) => { saved: string; rcid: number } | null,
		overlapSeconds = 600 ): Promise<StartRead> {
		const pages = this.site.plan.pages;
		const result: StartRead = {
			shutoff: null, committee: null, volunteers: null, settings: null, statePages: [], userName: '', highLimits: false, changed: [], lastRcid: 0, covered: false,
		};
		const first = await this.read( 'the start pages', () => this.api.request( apiParams( {
			action: 'query',
			titles: [ pages.shutoff, pages.committee, pages.settings, pages.volunteers ].concat( stateTitles ),
			meta: 'userinfo',
			uiprop: 'rights|groups',
			list: 'recentchanges',
			rcnamespace: this.site.namespaces.join( '|' ),
			rcprop: 'title|ids|timestamp|loginfo|user',
			rctype: 'edit|new|log',
			rclimit: 'max',
		}, REVISION_PROPS ) ) );
		const query = first.query || {};
		for ( const page of query.pages || [] ) {
			const snapshot = this.snapshot( page );
			const title = this.resolve( query, page.title );
			if ( title === pages.shutoff ) {
				result.shutoff = snapshot ? snapshot.text : null;
			} else if ( title === pages.committee ) {
				result.committee = snapshot ? snapshot.text : null;
			} else if ( title === pages.volunteers ) {
				result.volunteers = snapshot ? snapshot.text : null;
			} else if ( title === pages.settings ) {
				result.settings = snapshot ? Object.assign( snapshot, { title: title } ) : null;
			} else if ( snapshot && stateTitles.includes( title ) ) {
				result.statePages.push( Object.assign( snapshot, { title: title } ) );
			}
		}
		const user = query.userinfo || {};
		result.userName = user.name || '';
		result.highLimits = ( user.rights || [] ).includes( 'apihighlimits' );
		this.botName = result.userName;
		this.pagesRead += 4 + result.statePages.length;
		const newest = ( query.recentchanges || [] )[ 0 ];
		result.lastRcid = newest ? newest.rcid : 0;
		const from = since( result.statePages );
		if ( from === null || isNaN( Date.parse( from.saved ) ) ) {
			return result;
		}
		const end = isoSeconds( Date.parse( from.saved ) - overlapSeconds * 1000 );
		let response = first;
		for ( ;; ) {
			const changes = ( response.query && response.query.recentchanges ) || [];
			for ( const change of changes ) {
				if ( change.timestamp < end ) {
					result.covered = true;
					break;
				}
				if ( change.rcid > from.rcid && change.user !== result.userName && this.concerns( change ) ) {
					[ change.title, change.logparams && change.logparams.target_title ].forEach( ( title ) => {
						if ( title && !result.changed.includes( title ) ) {
							result.changed.push( title );
						}
					} );
				}
			}
			if ( result.covered || !response.continue ) {
				// The wiki's whole recent changes, newer than the save: covered too.
				result.covered = result.covered || !response.continue;
				break;
			}
			const next = response.continue;
			response = await this.read( 'recent changes', () => this.api.request( apiParams( {
				action: 'query', list: 'recentchanges', rcnamespace: this.site.namespaces.join( '|' ), rcprop: 'title|ids|timestamp|loginfo|user',
				rctype: 'edit|new|log', rclimit: 'max', rcend: end, rccontinue: next.rccontinue, continue: next.continue,
			} ) ) );
		}
		return result;
	}

	/** Whether a recent change touches the Helpdesk: a request page, the bot's pages, the committee, settings or volunteers' page. */
	private concerns( change: ApiResponse ): boolean {
		if ( change.type === 'log' && ![ 'delete', 'move', 'import', 'merge', 'protect' ].includes( change.logtype ) ) {
			return false;
		}
		const pages = this.site.plan.pages;
		const watched = ( title: string ): boolean => title.indexOf( pages.requestsPrefix ) === 0 ||
			[ pages.committee, pages.settings, pages.volunteers, pages.routing ].includes( title ) || isBotPage( pages, title );
		return [ change.title, change.logparams && change.logparams.target_title ].some( ( title ) => typeof title === 'string' && watched( title ) );
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
			redirect: !!page.redirect,
		};
	}

	private collect( response: ApiResponse, onPage: ( snapshot: PageSnapshot ) => void, onMissing?: ( title: string ) => void ): void {
		for ( const page of ( response.query && response.query.pages ) || [] ) {
			const snapshot = this.snapshot( page );
			if ( snapshot ) {
				onPage( snapshot );
			} else if ( ( page.missing || page.invalid ) && onMissing ) {
				onMissing( page.title || String( page.pageid ) );
			}
		}
	}

	/**
	 * Every page under the requests prefix with its content: allpages as a generator,
	 * 50 (500) a request. With `listPrefix`, the titles of the main-namespace pages
	 * under it too (the FAQ pages), in the same API requests, as `listed`.
	 */
	public async readAllRequests( highLimits: boolean, listPrefix?: string ): Promise<PageSnapshot[] & { listed?: string[] }> {
		const found: Record<string, PageSnapshot> = {};
		const listed: string[] = [];
		const alsoList = listPrefix ? { list: 'allpages', apnamespace: 0, apprefix: listPrefix, aplimit: highLimits ? 500 : 50 } : {};
		await this.all( 'the request pages', Object.assign( {
			generator: 'allpages',
			gapnamespace: this.site.requestsNamespace,
			gapprefix: this.site.requestsPrefixText,
			gaplimit: highLimits ? 500 : 50,
		}, alsoList, REVISION_PROPS ), ( response ) => {
			this.collect( response, ( snapshot ) => {
				found[ snapshot.title ] = snapshot;
			} );
			( ( response.query && response.query.allpages ) || [] ).forEach( ( page: { title: string } ) => listed.push( page.title ) );
		} );
		const pages: PageSnapshot[] & { listed?: string[] } = Object.keys( found ).sort().map( ( title ) => found[ title ] );
		this.pagesRead += pages.length;
		if ( listPrefix ) {
			pages.listed = listed.sort();
		}
		return pages;
	}

	/** Pages by title or by page id, with their content, in batches; missing ones listed apart. */
	public async readPages( titles: string[], pageids: number[] = [] ): Promise<{ pages: PageSnapshot[]; missing: string[] }> {
		const pages: PageSnapshot[] = [];
		const missing: string[] = [];
		const collect = ( response: ApiResponse ): void => this.collect(
			response, ( snapshot ) => pages.push( snapshot ), ( title ) => missing.push( title ),
		);
		await this.batches( 'pages', 'titles', titles, REVISION_PROPS, collect );
		await this.batches( 'pages', 'pageids', pageids, REVISION_PROPS, collect );
		this.pagesRead += pages.length;
		return { pages: pages, missing: missing };
	}

	/** Talk pages to append notices to; a missing one is an empty page to create. */
	public async readTalkPages( titles: string[] ): Promise<TalkPage[]> {
		const { pages, missing } = await this.readPages( titles );
		return pages.map( ( page ): TalkPage => ( { title: page.title, revid: page.revid, timestamp: page.timestamp, text: page.text } ) )
			.concat( missing.map( ( title ) => ( { title: title, revid: null, timestamp: '', text: '' } ) ) );
	}

	/** A page's revisions newest first, read until `enough` says so (or the page's creation). */
	public async readHistory( title: string, enough: ( read: Revision[] ) => boolean ): Promise<Revision[]> {
		const revisions: Revision[] = [];
		await this.read( 'the history of ' + title, async () => {
			for await ( const response of this.api.continuedQueryGen( {
				action: 'query', titles: title, prop: 'revisions', rvprop: 'ids|timestamp|user|content', rvslots: 'main', rvlimit: 'max', rvdir: 'older',
			} ) ) {
				for ( const page of ( response.query && response.query.pages ) || [] ) {
					for ( const revision of page.revisions || [] ) {
						revisions.push( {
							revid: revision.revid, user: revision.user || '', timestamp: revision.timestamp,
							text: revision.slots && revision.slots.main ? revision.slots.main.content || '' : '',
						} );
					}
				}
				if ( enough( revisions ) ) {
					break;
				}
			}
		} );
		return revisions;
	}

	/** Which of these user names have an account here. */
	public async readAccounts( names: string[] ): Promise<Record<string, boolean>> {
		const accounts: Record<string, boolean> = {};
		await this.batches( 'user accounts', 'ususers', names, { list: 'users' }, ( response ) => {
			for ( const user of ( response.query && response.query.users ) || [] ) {
				accounts[ user.name ] = !user.missing && !user.invalid && typeof user.userid === 'number';
			}
		} );
		names.forEach( ( name ) => {
			accounts[ name ] = accounts[ name ] === true;
		} );
		return accounts;
	}

	/** Latest revision id and SHA-1 of the compiled pages (their text too, for a dry run); null for a missing page. */
	public async readCompiled(
		titles: string[], withText: boolean,
	): Promise<Record<string, { revid: number; sha1: string; text: string } | null>> {
		const info: Record<string, { revid: number; sha1: string; text: string } | null> = {};
		titles.forEach( ( title ) => {
			info[ title ] = null;
		} );
		await this.batches( 'the compiled pages', 'titles', titles, { prop: 'revisions', rvprop: withText ? 'ids|sha1|content' : 'ids|sha1', rvslots: 'main' }, ( response ) => {
			const query = response.query || {};
			for ( const page of query.pages || [] ) {
				const revision = page.revisions && page.revisions[ 0 ];
				if ( revision ) {
					info[ this.resolve( query, page.title ) ] = {
						revid: revision.revid, sha1: revision.sha1, text: revision.slots ? revision.slots.main.content : '',
					};
				}
			}
		} );
		return info;
	}

	/** Talk pages of members who chose `talk` become editable. */
	public allowTalkPages( titles: string[] ): void {
		this.talkAllowed = titles.slice();
	}

	/** The allowlist: request subpages, the bot's own pages by their naming scheme, the routing hints, talk pages of `talk` members. */
	public mayEdit( title: string ): boolean {
		const pages = this.site.plan.pages;
		const prefix = pages.requestsPrefix;
		return ( title.length > prefix.length && title.slice( 0, prefix.length ) === prefix ) ||
			isBotPage( pages, title ) || title === pages.routing || title === pages.impact || this.talkAllowed.includes( title );
	}

	/**
	 * Save one planned edit on top of `base` (the text it replaces, as read, and its
	 * revision): a request page by its page id, so that a page moved meanwhile is
	 * followed and a deleted one is not created again. Never retried by the library
	 * on a network failure: the caller reads the page again instead.
	 */
	public async edit( edit: PlannedEdit, base: { text: string; revid: number | null; timestamp: string } ): Promise<SavedEdit> {
		if ( !this.mayEdit( edit.title ) ) {
			throw new EditRefused( 'not-allowed', 'refused', edit.title + ' is not a page the bot may edit.' );
		}
		if ( base.revid !== null && botsDenied( base.text, this.botName ) ) {
			throw new EditRefused( 'bots-denied', 'refused', edit.title + ' shuts the bot out ({{nobots}} or {{bots}}).' );
		}
		const params: Params = {
			action: 'edit', text: edit.text, summary: edit.summary, bot: true, assert: 'bot', watchlist: 'nochange', token: this.token(),
		};
		if ( edit.pageid ) {
			params.pageid = edit.pageid;
		} else {
			params.title = edit.title;
		}
		if ( base.revid === null ) {
			params.createonly = true;
		} else {
			params.nocreate = true;
			params.baserevid = base.revid;
			params.basetimestamp = base.timestamp || undefined;
		}
		if ( edit.contentModel ) {
			params.contentmodel = edit.contentModel;
		}
		let response: ApiResponse;
		try {
			response = await this.api.request( apiParams( params ), { helpdeskEdit: true } as object );
		} catch ( error ) {
			const code = errorCode( error );
			const message = 'Editing ' + edit.title + ': ' + code + ': ' + errorInfo( error );
			if ( GONE.includes( code ) ) {
				throw new EditRefused( code, 'gone', message );
			}
			if ( READ_AGAIN.includes( code ) || !isApiError( code ) ) {
				throw new EditRefused( code, 'read-again', message );
			}
			if ( STOPPING.includes( code ) ) {
				throw new RunStop( code, message );
			}
			throw new EditRefused( code, 'refused', message );
		}
		const result = response && response.edit;
		if ( !result || result.result !== 'Success' ) {
			const code = result && result.captcha ? 'captcha' : result && result.code ? String( result.code ) : 'edit-failure';
			throw new EditRefused( code, 'refused', 'Editing ' + edit.title + ' failed: ' + code );
		}
		return { title: result.title || edit.title, nochange: !!result.nochange, revid: result.newrevid || base.revid || 0 };
	}
}
