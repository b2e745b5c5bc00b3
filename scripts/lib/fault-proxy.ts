/**
 * A reverse proxy between the bot and a wiki that injects faults: dropped
 * connections, HTTP 500 and 503, API errors (maxlag, readonly, editconflict),
 * responses lost after the wiki applied the request, and delays. Everything is
 * forwarded as it came (method, path, headers, cookies, body); faults are chosen
 * by the kind of request and its ordinal among requests of that kind. Hooks run
 * before an edit is forwarded and after the wiki answered one. node:http only.
 */
import { createServer, IncomingMessage, request as httpRequest, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** `read`: action=query; `edit`: action=edit; `login`: logging in and fetching tokens. */
export type RequestKind = 'read' | 'edit' | 'login' | 'other';

export type FaultKind = 'drop' | 'http500' | 'http503' | 'maxlag' | 'readonly' | 'editconflict' | 'lost-response' | 'delay';

export const FAULT_KINDS: readonly FaultKind[] = [ 'drop', 'http500', 'http503', 'maxlag', 'readonly', 'editconflict', 'lost-response', 'delay' ];

/** What the proxy knows of a request: its parameters (query string and body). */
export interface ProxiedRequest {
	kind: RequestKind;
	action: string;
	title: string;
	params: Record<string, string>;
}

export interface Fault {
	kind: FaultKind;
	on: RequestKind;
	/** 1 for the first request of kind `on` (that `where` accepts), counted since the last reset. */
	nth: number;
	/** Only requests this accepts are counted for `nth`. */
	where?: ( request: ProxiedRequest ) => boolean;
	/** Words for the report, e.g. "talk page creation". */
	label?: string;
	delayMs?: number;
}

export interface ProxyRecord {
	/** 1-based over all requests since the last reset. */
	ordinal: number;
	kind: RequestKind;
	/** 1-based among requests of the same kind. */
	kindOrdinal: number;
	action: string;
	title: string;
	/** `forwarded`, `drop`, `http500`…; `lost-response` was forwarded and applied. */
	outcome: string;
	/** The wiki's HTTP status, when it was asked. */
	status?: number;
	/** For edits forwarded: `saved`, `nochange` or the API's error code. */
	editResult?: string;
	newrevid?: number;
	ms: number;
}

export interface EditInfo {
	/** 1-based among edit requests since the last reset. */
	nth: number;
	title: string;
	params: Record<string, string>;
}

export interface ProxyHooks {
	/** Before the wiki sees the edit (a person may edit the same page first). */
	beforeEdit?: ( edit: EditInfo ) => Promise<void> | void;
	/** After the wiki answered the edit, before the client gets the answer. */
	afterEdit?: ( edit: EditInfo & { editResult: string } ) => Promise<void> | void;
}

function classify( params: Record<string, string> ): RequestKind {
	const action = params.action || '';
	if ( action === 'login' || action === 'clientlogin' ) {
		return 'login';
	}
	if ( action === 'query' ) {
		return ( params.meta || '' ).split( '|' ).includes( 'tokens' ) ? 'login' : 'read';
	}
	return action === 'edit' ? 'edit' : 'other';
}

function headerParam( header: string, name: string ): string {
	const match = new RegExp( '(?:^|;)\\s*' + name + '="?([^";]*)"?', 'i' ).exec( header );
	return match ? match[ 1 ] : '';
}

/** The fields of a multipart/form-data body (values as text; files are not expected). */
export function parseMultipart( body: Buffer, boundary: string ): Record<string, string> {
	const fields: Record<string, string> = {};
	const text = body.toString( 'utf8' );
	for ( const part of text.split( '--' + boundary ) ) {
		const split = part.indexOf( '\r\n\r\n' );
		if ( split === -1 ) {
			continue;
		}
		const headers = part.slice( 0, split );
		const name = /name="([^"]*)"/i.exec( headers );
		if ( name ) {
			fields[ name[ 1 ] ] = part.slice( split + 4 ).replace( /\r\n$/, '' );
		}
	}
	return fields;
}

/** The API parameters of a request: its query string, then its form body (urlencoded or multipart). */
export function requestParams( url: string, contentType: string, body: Buffer ): Record<string, string> {
	const params: Record<string, string> = {};
	new URL( url, 'http://proxy' ).searchParams.forEach( ( value, key ) => {
		params[ key ] = value;
	} );
	if ( /multipart\/form-data/i.test( contentType ) ) {
		Object.assign( params, parseMultipart( body, headerParam( contentType, 'boundary' ) ) );
	} else if ( body.length ) {
		new URLSearchParams( body.toString( 'utf8' ) ).forEach( ( value, key ) => {
			params[ key ] = value;
		} );
	}
	return params;
}

function readBody( message: IncomingMessage ): Promise<Buffer> {
	return new Promise( ( resolve, reject ) => {
		const chunks: Buffer[] = [];
		message.on( 'data', ( chunk: Buffer ) => chunks.push( chunk ) );
		message.on( 'end', () => resolve( Buffer.concat( chunks ) ) );
		message.on( 'error', reject );
	} );
}

interface Upstream {
	status: number;
	headers: IncomingMessage[ 'headers' ];
	body: Buffer;
}

const API_ERRORS: Record<string, { body: object; headers: Record<string, string> }> = {
	maxlag: {
		body: { error: { code: 'maxlag', info: 'Waiting for 10.0.0.1: 7 seconds lagged', host: '10.0.0.1', lag: 7, type: 'db' } },
		headers: { 'retry-after': '1', 'mediawiki-api-error': 'maxlag', 'x-database-lag': '7' },
	},
	readonly: {
		body: { error: { code: 'readonly', info: 'The wiki is currently in read-only mode.', readonlyreason: 'Database maintenance (fault injection).' } },
		headers: { 'mediawiki-api-error': 'readonly' },
	},
	editconflict: {
		body: { error: { code: 'editconflict', info: 'Edit conflict.' } },
		headers: { 'mediawiki-api-error': 'editconflict' },
	},
};

export class FaultProxy {
	private server: Server | null = null;

	private readonly target: URL;

	private faults: Fault[] = [];

	private hooks: ProxyHooks = {};

	private counts: Record<RequestKind, number> = { read: 0, edit: 0, login: 0, other: 0 };

	/** Per fault: how many requests it has counted. */
	private seen = new Map<Fault, number>();

	public records: ProxyRecord[] = [];

	/** Faults that fired, in order, as `kind on what #n`. */
	public injected: string[] = [];

	/** `wikiApiUrl`: the wiki's api.php; every path is forwarded to the same host. */
	public constructor( wikiApiUrl: string ) {
		this.target = new URL( wikiApiUrl );
	}

	/** Start listening on 127.0.0.1 (a free port); the proxy's api.php URL. */
	public async start(): Promise<string> {
		const server = createServer( ( incoming, outgoing ) => {
			this.handle( incoming, outgoing ).catch( ( error: unknown ) => {
				if ( !outgoing.headersSent ) {
					outgoing.writeHead( 502, { 'content-type': 'text/plain' } );
				}
				outgoing.end( 'Fault proxy error: ' + String( error ) );
			} );
		} );
		// Connections the bot leaves open must not keep a finished schedule waiting.
		server.keepAliveTimeout = 1000;
		await new Promise<void>( ( resolve ) => {
			server.listen( 0, '127.0.0.1', resolve );
		} );
		this.server = server;
		const port = ( server.address() as AddressInfo ).port;
		return 'http://127.0.0.1:' + port + this.target.pathname;
	}

	public async close(): Promise<void> {
		const server = this.server;
		this.server = null;
		if ( server ) {
			server.closeAllConnections();
			await new Promise<void>( ( resolve ) => {
				server.close( () => resolve() );
			} );
		}
	}

	/** A new schedule: these faults and hooks, counts and records from zero. */
	public reset( faults: Fault[] = [], hooks: ProxyHooks = {} ): void {
		this.faults = faults;
		this.hooks = hooks;
		this.counts = { read: 0, edit: 0, login: 0, other: 0 };
		this.seen = new Map();
		this.records = [];
		this.injected = [];
	}

	private faultFor( request: ProxiedRequest ): Fault | null {
		let chosen: Fault | null = null;
		for ( const fault of this.faults ) {
			if ( fault.on !== request.kind || ( fault.where && !fault.where( request ) ) ) {
				continue;
			}
			const count = ( this.seen.get( fault ) || 0 ) + 1;
			this.seen.set( fault, count );
			if ( count === fault.nth && !chosen ) {
				chosen = fault;
			}
		}
		return chosen;
	}

	/** The title of a page the bot names by its id (as it edits request pages), asked of the wiki itself. */
	private async titleOf( pageid: string ): Promise<string> {
		const url = new URL( this.target.href );
		url.search = new URLSearchParams( { action: 'query', pageids: pageid, format: 'json', formatversion: '2' } ).toString();
		try {
			const response = await fetch( url, { headers: { 'User-Agent': 'HelpdeskFaultProxy (fault injection; 127.0.0.1)' } } );
			const json = await response.json() as { query?: { pages?: { title?: string }[] } };
			return ( json.query && json.query.pages && json.query.pages[ 0 ] && json.query.pages[ 0 ].title ) || '';
		} catch {
			return '';
		}
	}

	private async handle( incoming: IncomingMessage, outgoing: ServerResponse ): Promise<void> {
		const began = performance.now();
		const body = await readBody( incoming );
		const params = requestParams( incoming.url || '/', String( incoming.headers[ 'content-type' ] || '' ), body );
		const title = params.title || params.titles || ( params.pageid ? await this.titleOf( params.pageid ) : '' );
		const request: ProxiedRequest = { kind: classify( params ), action: params.action || '', title: title, params: params };
		this.counts[ request.kind ]++;
		const record: ProxyRecord = {
			ordinal: this.records.length + 1, kind: request.kind, kindOrdinal: this.counts[ request.kind ], action: request.action,
			title: request.title, outcome: 'forwarded', ms: 0,
		};
		this.records.push( record );
		const fault = this.faultFor( request );
		if ( fault ) {
			record.outcome = fault.kind;
			this.injected.push( fault.kind + ( fault.kind === 'delay' ? ' ' + ( ( fault.delayMs || 2000 ) / 1000 ).toFixed( 1 ) + ' s' : '' ) + ' on ' +
				( fault.label || fault.on ) + ' #' + fault.nth + ( request.title ? ' (' + shortTitle( request.title ) + ')' : '' ) );
		}
		const finish = (): void => {
			record.ms = Math.round( performance.now() - began );
		};
		switch ( fault && fault.kind ) {
			case 'drop':
				incoming.socket.destroy();
				finish();
				return;
			case 'http500':
			case 'http503':
				outgoing.writeHead( fault!.kind === 'http500' ? 500 : 503, { 'content-type': 'text/html; charset=utf-8', 'retry-after': '1' } );
				outgoing.end( '<!DOCTYPE html><title>Error</title><p>' + ( fault!.kind === 'http500' ? 'Internal Server Error' : 'Service Unavailable' ) + ' (fault injection)</p>' );
				finish();
				return;
			case 'maxlag':
			case 'readonly':
			case 'editconflict': {
				const error = API_ERRORS[ fault!.kind ];
				outgoing.writeHead( 200, Object.assign( { 'content-type': 'application/json; charset=utf-8' }, error.headers ) );
				outgoing.end( JSON.stringify( error.body ) );
				finish();
				return;
			}
			case 'delay':
				await new Promise( ( resolve ) => {
					setTimeout( resolve, fault!.delayMs || 2000 );
				} );
				break;
			default:
				break;
		}
		const edit: EditInfo | null = request.kind === 'edit' ? { nth: record.kindOrdinal, title: request.title, params: params } : null;
		if ( edit && this.hooks.beforeEdit ) {
			await this.hooks.beforeEdit( edit );
		}
		const upstream = await this.forward( incoming, body );
		record.status = upstream.status;
		if ( edit ) {
			record.editResult = editResult( upstream.body );
			const revid = /"newrevid":\s*(\d+)/.exec( upstream.body.toString( 'utf8' ) );
			if ( revid ) {
				record.newrevid = Number( revid[ 1 ] );
			}
			if ( this.hooks.afterEdit ) {
				await this.hooks.afterEdit( Object.assign( { editResult: record.editResult }, edit ) );
			}
		}
		finish();
		if ( fault && fault.kind === 'lost-response' ) {
			incoming.socket.destroy();
			return;
		}
		if ( incoming.socket.destroyed ) {
			return;
		}
		const headers = Object.assign( {}, upstream.headers );
		delete headers[ 'transfer-encoding' ];
		headers[ 'content-length' ] = String( upstream.body.length );
		outgoing.writeHead( upstream.status, headers );
		outgoing.end( upstream.body );
	}

	private forward( incoming: IncomingMessage, body: Buffer ): Promise<Upstream> {
		return new Promise( ( resolve, reject ) => {
			const headers = Object.assign( {}, incoming.headers, { host: this.target.host } );
			delete headers.connection;
			const outgoing = httpRequest( {
				host: this.target.hostname,
				port: this.target.port,
				method: incoming.method,
				path: incoming.url,
				headers: Object.assign( headers, { 'content-length': String( body.length ) } ),
			}, ( response ) => {
				readBody( response ).then(
					( data ) => resolve( { status: response.statusCode || 502, headers: response.headers, body: data } ), reject,
				);
			} );
			outgoing.on( 'error', reject );
			outgoing.end( body );
		} );
	}
}

/** The first of some titles, without the Helpdesk's prefix, for the report. */
function shortTitle( titles: string ): string {
	const list = titles.split( '|' );
	return list[ 0 ].replace( /^Content Partnerships Hub\/Helpdesk\//, '' ) + ( list.length > 1 ? ' +' + ( list.length - 1 ) : '' );
}

/** `saved`, `nochange` or the API's error code, from an edit's response. */
function editResult( body: Buffer ): string {
	try {
		const response = JSON.parse( body.toString( 'utf8' ) ) as { edit?: { result?: string; nochange?: boolean }; error?: { code?: string } };
		if ( response.error ) {
			return response.error.code || 'error';
		}
		if ( response.edit && response.edit.result === 'Success' ) {
			return response.edit.nochange ? 'nochange' : 'saved';
		}
		return response.edit && response.edit.result ? String( response.edit.result ) : 'unknown';
	} catch {
		return 'not-json';
	}
}

/** mulberry32: a tiny deterministic generator, numbers in [0, 1). */
/* eslint-disable no-bitwise -- a PRNG is bit arithmetic */
export function mulberry32( seed: number ): () => number {
	let state = seed >>> 0;
	return () => {
		state = ( state + 0x6D2B79F5 ) >>> 0;
		let t = state;
		t = Math.imul( t ^ ( t >>> 15 ), t | 1 );
		t ^= t + Math.imul( t ^ ( t >>> 7 ), t | 61 );
		return ( ( t ^ ( t >>> 14 ) ) >>> 0 ) / 4294967296;
	};
}
/* eslint-enable no-bitwise */
