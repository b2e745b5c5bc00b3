/**
 * An in-memory wiki answering the part of the MediaWiki Action API the bot uses
 * (formatversion 2): page reads by title and by allpages generator, histories,
 * recent changes, user info and edits with conflict detection and signature
 * expansion. Errors are thrown the way mwn throws them, request included.
 */
import { createHash } from 'node:crypto';
import { ApiParams, Mwn } from 'mwn';
import type { ApiClient, ApiResponse } from '../../../bot/wiki';

interface StoredRevision {
	revid: number;
	user: string;
	timestamp: string;
	text: string;
	comment: string;
}

interface StoredPage {
	pageid: number;
	title: string;
	revisions: StoredRevision[];
	contentModel: string;
}

interface Change {
	title: string;
	/** 0 for a deletion. */
	pageid: number;
	revid: number;
	timestamp: string;
	type: 'edit' | 'new' | 'log';
	logType?: string;
	user: string;
	target?: string;
}

type Params = Record<string, string | number | boolean | string[] | undefined>;

/** Mimics MwnError: a code, an explanation, and the request (with its credentials). */
export function apiError( code: string, info: string ): Error {
	return Object.assign( new Error( code + ': ' + info ), {
		code: code,
		info: info,
		request: { headers: { Authorization: 'Bearer secret-oauth-token-123', Cookie: 'session=secret-cookie' } },
	} );
}

/**
 * A real mwn client whose HTTP is the in-memory Action API: mwn's own continuation and
 * batching run on top of it, as against a real wiki.
 */
export function fakeClient( wiki: InMemoryActionApi ): ApiClient {
	const bot = new Mwn( { apiUrl: 'http://wiki.invalid/w/api.php', silent: true } );
	bot.hasApiHighLimit = wiki.botRights.includes( 'apihighlimits' );
	bot.request = ( params: ApiParams ) => {
		const flat: Params = {};
		Object.keys( params ).forEach( ( key ) => {
			const value = params[ key ];
			flat[ key ] = Array.isArray( value ) ? value.join( '|' ) : value as string | number | boolean | undefined;
		} );
		return wiki.request( flat );
	};
	return bot;
}

export class InMemoryActionApi {
	public pages = new Map<string, StoredPage>();

	public changes: Change[] = [];

	public requests: Params[] = [];

	public clock = '2026-03-01T10:00:00Z';

	public botName = 'Helpdesk bot';

	public botRights = [ 'bot', 'apihighlimits', 'edit' ];

	/** Called before each edit; may throw to simulate a failure or a crash. */
	public beforeEdit: ( ( params: Params, editNumber: number ) => void ) | null = null;

	/** Called after an edit was saved; may throw to simulate an answer lost on the way back. */
	public afterEdit: ( ( params: Params, editNumber: number ) => void ) | null = null;

	/** Registered accounts (every user who saved a page is one). */
	public accounts = new Set<string>( [ 'Helpdesk bot' ] );

	public edits = 0;

	/** $wgMaxArticleSize in bytes; tests with a small page budget lower it too. */
	public maxArticleBytes = 2048 * 1024;

	private nextRevid = 100;

	/** Revisions a history read returns per request. */
	public historyLimit = 50;

	private nextPageid = 1;

	/** Move the clock by minutes (or to a timestamp). */
	public tick( minutes = 1 ): void {
		this.clock = new Date( Date.parse( this.clock ) + minutes * 60000 ).toISOString().replace( /\.\d{3}Z$/, 'Z' );
	}

	public setClock( timestamp: string ): void {
		this.clock = timestamp;
	}

	/** Save a page as `user`, as a person would. */
	public save( title: string, text: string, user: string, comment = '' ): StoredRevision {
		let page = this.pages.get( title );
		const isNew = !page;
		if ( !page ) {
			page = { pageid: this.nextPageid++, title: title, revisions: [], contentModel: 'wikitext' };
			this.pages.set( title, page );
		}
		this.accounts.add( user );
		const revision: StoredRevision = {
			revid: this.nextRevid++,
			user: user,
			timestamp: this.clock,
			text: this.expand( text.replace( /\s+$/, '' ), user ),
			comment: comment,
		};
		page.revisions.push( revision );
		this.changes.push( { title: title, pageid: page.pageid, revid: revision.revid, timestamp: this.clock, type: isNew ? 'new' : 'edit', user: user } );
		this.tick( 1 );
		return revision;
	}

	/** Move a page as a person would: it keeps its id; a redirect (a new page) is left behind. */
	public move( from: string, to: string ): void {
		const page = this.pages.get( from )!;
		this.pages.delete( from );
		page.title = to;
		this.pages.set( to, page );
		this.changes.push( { title: from, pageid: page.pageid, revid: 0, timestamp: this.clock, type: 'log', logType: 'move', user: 'Admin', target: to } );
		this.save( from, '#REDIRECT [[' + to + ']]', 'Admin' );
	}

	public delete( title: string ): void {
		this.pages.delete( title );
		this.changes.push( { title: title, pageid: 0, revid: 0, timestamp: this.clock, type: 'log', logType: 'delete', user: 'Admin' } );
		this.tick( 1 );
	}

	public text( title: string ): string {
		const page = this.pages.get( title );
		return page ? page.revisions[ page.revisions.length - 1 ].text : '';
	}

	public latest( title: string ): StoredRevision | null {
		const page = this.pages.get( title );
		return page ? page.revisions[ page.revisions.length - 1 ] : null;
	}

	/** Every revision the bot saved, on any page. */
	public botRevisions(): ( StoredRevision & { title: string; added: string } )[] {
		const found: ( StoredRevision & { title: string; added: string } )[] = [];
		this.pages.forEach( ( page ) => page.revisions.forEach( ( revision, index ) => {
			if ( revision.user === this.botName ) {
				const before = index > 0 ? page.revisions[ index - 1 ].text : '';
				found.push( Object.assign( {}, revision, { title: page.title, added: added( before, revision.text ) } ) );
			}
		} ) );
		return found;
	}

	private signature( user: string ): string {
		const date = new Date( Date.parse( this.clock ) );
		return '[[User:' + user + '|' + user + ']] ([[User talk:' + user + '|talk]]) ' + date.toISOString().slice( 11, 16 ) + ', ' +
			date.getUTCDate() + ' ' + date.toLocaleString( 'en', { month: 'long', timeZone: 'UTC' } ) + ' ' + date.getUTCFullYear() + ' (UTC)';
	}

	private expand( text: string, user: string ): string {
		return text.replace( /~~~~/g, this.signature( user ) );
	}

	public async request( params: Params ): Promise<ApiResponse> {
		this.requests.push( params );
		if ( params.action === 'edit' ) {
			return this.edit( params );
		}
		if ( params.action !== 'query' ) {
			throw apiError( 'badvalue', 'unknown action' );
		}
		const query: Record<string, unknown> = {};
		const response: ApiResponse = { batchcomplete: true, query: query };
		if ( params.meta === 'userinfo' ) {
			query.userinfo = { name: this.botName, rights: this.botRights, groups: [ 'bot', 'user' ] };
		}
		if ( params.list === 'recentchanges' ) {
			this.recentChanges( params, response );
		}
		if ( params.list === 'users' ) {
			query.users = String( params.ususers ).split( '|' ).map( ( name ) => this.accounts.has( name ) ?
				{ userid: Array.from( this.accounts ).indexOf( name ) + 1, name: name } : { name: name, missing: true } );
		}
		if ( params.list === 'allpages' && !params.gapcontinue ) {
			// Listed with the generator's first batch: the few pages a test has fit in one.
			const prefix = String( params.apprefix );
			query.allpages = Array.from( this.pages.keys() ).filter( ( title ) => title.indexOf( prefix ) === 0 ).sort().map( ( title ) => ( { ns: 0, title: title } ) );
		}
		if ( params.generator === 'allpages' ) {
			const prefix = String( params.gapprefix );
			const titles = Array.from( this.pages.keys() ).filter( ( title ) => title.indexOf( prefix ) === 0 ).sort();
			const from = params.gapcontinue ? titles.indexOf( String( params.gapcontinue ) ) : 0;
			const limit = Number( params.gaplimit );
			const batch = titles.slice( from, from + limit );
			query.pages = batch.map( ( title ) => this.pageJson( title, params ) );
			if ( from + limit < titles.length ) {
				response.continue = { gapcontinue: titles[ from + limit ], continue: 'gapcontinue||' };
			}
		} else if ( params.pageids ) {
			query.pages = String( params.pageids ).split( '|' ).map( ( id ) => {
				const page = Array.from( this.pages.values() ).find( ( candidate ) => candidate.pageid === Number( id ) );
				return page ? this.pageJson( page.title, params ) : { pageid: Number( id ), missing: true };
			} );
		} else if ( params.titles ) {
			const titles = String( params.titles ).split( '|' );
			if ( titles.length > ( this.botRights.includes( 'apihighlimits' ) ? 500 : 50 ) ) {
				throw apiError( 'toomanyvalues', 'Too many values supplied for parameter "titles".' );
			}
			query.pages = titles.map( ( title ) => this.pageJson( title, params ) );
		}
		const continued = ( ( query.pages || [] ) as ApiResponse[] ).find( ( page ) => page.rvcontinue );
		if ( continued ) {
			response.continue = { rvcontinue: continued.rvcontinue, continue: '||' };
			delete continued.rvcontinue;
		}
		return response;
	}

	private recentChanges( params: Params, response: ApiResponse ): void {
		const end = params.rcend ? String( params.rcend ) : '';
		let list = this.changes.slice().reverse().filter( ( change ) => end === '' || change.timestamp >= end );
		if ( params.rccontinue ) {
			const [ timestamp, index ] = String( params.rccontinue ).split( '|' );
			list = list.filter( ( change, position ) => change.timestamp <= timestamp && position >= Number( index ) );
		}
		const limit = params.rclimit === 'max' ? 500 : Number( params.rclimit );
		response.query.recentchanges = list.slice( 0, limit ).map( ( change ) => ( {
			type: change.type, logtype: change.logType, title: change.title, pageid: change.pageid, revid: change.revid, timestamp: change.timestamp,
			rcid: this.changes.indexOf( change ) + 1, user: change.user, // eslint-disable-next-line camelcase -- the API's name
			logparams: change.target ? { target_title: change.target } : undefined,
		} ) );
		if ( list.length > limit ) {
			response.continue = { rccontinue: list[ limit ].timestamp + '|' + limit, continue: '-||' };
		}
	}

	private pageJson( title: string, params: Params ): ApiResponse {
		const page = this.pages.get( title );
		if ( !page ) {
			return { title: title, missing: true, ns: 0 };
		}
		const props = String( params.rvprop || '' ).split( '|' );
		const shape = ( revision: StoredRevision ): Record<string, unknown> => {
			const json: Record<string, unknown> = { revid: revision.revid, timestamp: revision.timestamp };
			if ( props.includes( 'user' ) ) {
				json.user = revision.user;
			}
			if ( props.includes( 'sha1' ) ) {
				json.sha1 = sha1( revision.text );
			}
			if ( props.includes( 'content' ) ) {
				json.slots = { main: { content: revision.text, contentmodel: page.contentModel } };
			}
			return json;
		};
		let revisions = [ page.revisions[ page.revisions.length - 1 ] ];
		let more: string | undefined;
		if ( params.rvdir === 'older' ) {
			const newestFirst = page.revisions.slice().reverse().filter( ( revision ) => params.rvcontinue === undefined || revision.revid <= Number( params.rvcontinue ) );
			const limit = this.historyLimit;
			revisions = newestFirst.slice( 0, limit );
			more = newestFirst.length > limit ? String( newestFirst[ limit ].revid ) : undefined;
		}
		const result: ApiResponse = {
			pageid: page.pageid, ns: 0, title: title,
			revisions: String( params.prop ).split( '|' ).includes( 'revisions' ) ? revisions.map( shape ) : undefined,
		};
		if ( /^\s*#redirect\s*:?\s*\[\[/i.test( page.revisions[ page.revisions.length - 1 ].text ) ) {
			result.redirect = true;
		}
		if ( more ) {
			result.rvcontinue = more;
		}
		return result;
	}

	private edit( params: Params ): ApiResponse {
		let title = String( params.title );
		if ( params.pageid !== undefined ) {
			const found = Array.from( this.pages.values() ).find( ( candidate ) => candidate.pageid === Number( params.pageid ) );
			if ( !found ) {
				throw apiError( 'nosuchpageid', 'There is no page with ID ' + params.pageid + '.' );
			}
			title = found.title;
		}
		if ( params.assert === 'bot' && !this.botRights.includes( 'bot' ) ) {
			throw apiError( 'assertbotfailed', 'You do not have the "bot" right.' );
		}
		this.edits++;
		params = Object.assign( {}, params, { title: title } );
		if ( this.beforeEdit ) {
			this.beforeEdit( params, this.edits );
		}
		const page = this.pages.get( title );
		if ( page && params.createonly ) {
			throw apiError( 'articleexists', 'The page you tried to create has been created already.' );
		}
		if ( !page && params.nocreate ) {
			throw apiError( 'missingtitle', 'The page you specified doesn\'t exist.' );
		}
		if ( page && params.baserevid !== undefined && Number( params.baserevid ) !== page.revisions[ page.revisions.length - 1 ].revid ) {
			throw apiError( 'editconflict', 'Edit conflict.' );
		}
		let text = String( params.text );
		if ( params.contentmodel === 'json' ) {
			// MediaWiki re-formats JSON pages: FormatJson::encode( $value, "\t", FormatJson::UTF8_OK ).
			text = JSON.stringify( JSON.parse( text ), null, '\t' ).replace( /</g, '\\u003C' ).replace( />/g, '\\u003E' ).replace( /&/g, '\\u0026' );
		}
		if ( Buffer.byteLength( text, 'utf8' ) > this.maxArticleBytes ) {
			throw apiError( 'contenttoobig', 'The content you supplied exceeds the article size limit of ' + this.maxArticleBytes / 1024 + ' kibibytes.' );
		}
		const current = page ? page.revisions[ page.revisions.length - 1 ] : null;
		if ( current && current.text === this.expand( text.replace( /\s+$/, '' ), this.botName ) ) {
			return { edit: { result: 'Success', title: title, nochange: true } };
		}
		const revision = this.save( title, text, this.botName, String( params.summary || '' ) );
		if ( this.afterEdit ) {
			this.afterEdit( params, this.edits );
		}
		if ( params.contentmodel && this.pages.get( title )!.contentModel !== params.contentmodel ) {
			this.pages.get( title )!.contentModel = String( params.contentmodel );
			// As MediaWiki does for a page created or changed to another content model.
			this.changes.push( { title: title, pageid: 0, revid: 0, timestamp: revision.timestamp, type: 'log', logType: 'contentmodel', user: this.botName } );
		}
		return { edit: { result: 'Success', title: title, newrevid: revision.revid, newtimestamp: revision.timestamp } };
	}
}

function sha1( text: string ): string {
	return createHash( 'sha1' ).update( text, 'utf8' ).digest( 'hex' );
}

/** Lines of `after` that `before` lacks (what an edit added), joined. */
function added( before: string, after: string ): string {
	if ( after.indexOf( before ) === 0 ) {
		return after.slice( before.length );
	}
	const old = before.split( '\n' );
	return after.split( '\n' ).filter( ( line ) => !old.includes( line ) ).join( '\n' );
}
