/**
 * The bot's state between runs, on a JSON page of its own and, when large, on
 * numbered pages after it (`State.json`, `State/2.json`…), all read in a run's
 * first API request. Compact, as every byte counts against the page size limit:
 *
 *     part 1:    { "schema": 2, "about": …, "saved": T, "part": 1, "parts": N,
 *                  "lastFullScan": T, "recheck": T or "", "basis": SHA-1,
 *                  "pages": { TITLE: [ REVID, SHA-1 ] },
 *                  "requests": [ ROW, … ] }
 *     part 2…N:  { "schema": 2, "saved": T, "part": K, "parts": N, "requests": [ ROW, … ] }
 *     ROW:       [ PAGEID, REVID, STATUS, STATUS_SINCE, [ "KIND|DECISION|MEMBER|AUTHOR|REVID|TIMESTAMP", … ] ]
 *
 * STATUS is "" for a page that could not be read as a request. User names cannot
 * contain `|`. The parts of one save carry the same `saved`; a part missing, from
 * another save, or last edited by someone other than the bot voids the state, and
 * the next run reads every request page again.
 */
import type { HelpdeskPages } from '../config';
import { isStatus } from '../../shared/status';
import { byteLength, elementBytes, pack, storedJson } from './json-page';
import { statePartTitle } from './names';
import { generatedPage } from './pages';
import type { BotState, GeneratedPage, PageSnapshot, RequestFacts, SavedPage, SignOff } from './types';
import { normaliseUserName } from './wikitext';

export const STATE_SCHEMA = 2;

const ABOUT = 'State of the Helpdesk bot between runs. Only the bot edits this page: after an edit by anyone else the bot reads every request page again.';

type FactsRow = [ number, number, string, string, string[] ];

function signOffText( signOff: SignOff ): string {
	return [ signOff.kind, signOff.decision, signOff.member, signOff.author, signOff.revid, signOff.timestamp ].join( '|' );
}

function signOffFrom( text: unknown ): SignOff | null {
	const fields = typeof text === 'string' ? text.split( '|' ) : [];
	if ( fields.length !== 6 || ( fields[ 0 ] !== 'feedback' && fields[ 0 ] !== 'final-go' ) ||
		( fields[ 1 ] !== '' && fields[ 1 ] !== 'yes' && fields[ 1 ] !== 'no' ) || !/^\d+$/.test( fields[ 4 ] ) ) {
		return null;
	}
	return {
		kind: fields[ 0 ], decision: fields[ 1 ], member: fields[ 2 ], author: fields[ 3 ], revid: Number( fields[ 4 ] ), timestamp: fields[ 5 ],
	};
}

function rowOf( facts: RequestFacts ): FactsRow {
	return [ facts.pageid, facts.revid, facts.status, facts.statusSince, facts.signOffs.map( signOffText ) ];
}

function factsFrom( row: unknown ): RequestFacts | null {
	if ( !Array.isArray( row ) || row.length !== 5 || !Number.isInteger( row[ 0 ] ) || !Number.isInteger( row[ 1 ] ) ||
		typeof row[ 2 ] !== 'string' || ( row[ 2 ] !== '' && !isStatus( row[ 2 ] ) ) || typeof row[ 3 ] !== 'string' || !Array.isArray( row[ 4 ] ) ) {
		return null;
	}
	const signOffs = row[ 4 ].map( signOffFrom );
	if ( signOffs.includes( null ) ) {
		return null;
	}
	return { pageid: row[ 0 ], revid: row[ 1 ], status: row[ 2 ] as RequestFacts[ 'status' ], statusSince: row[ 3 ], signOffs: signOffs as SignOff[] };
}

function header( state: BotState, part: number, parts: number ): Record<string, unknown> {
	const common = { schema: STATE_SCHEMA, saved: state.saved, part: part, parts: parts };
	if ( part > 1 ) {
		return common;
	}
	const pages: Record<string, [ number, string ]> = {};
	Object.keys( state.pages ).sort().forEach( ( title ) => {
		pages[ title ] = [ state.pages[ title ].revid, state.pages[ title ].sha1 ];
	} );
	return Object.assign( { about: ABOUT }, common, {
		lastFullScan: state.lastFullScan, recheck: state.recheck, basis: state.basis, pages: pages,
	} );
}

/**
 * The state as pages of at most `maxBytes`, part 1 first. A request whose row
 * alone would not fit loses its sign-offs: they are found again in its history.
 */
export function statePages( pages: HelpdeskPages, state: BotState, maxBytes: number ): GeneratedPage[] {
	const rows = state.requests.slice().sort( ( a, b ) => a.pageid - b.pageid ).map( rowOf );
	// Only with a very small limit: the list of compiled pages would crowd out part 1. Pages left
	// out of it are read again (their revision and SHA-1) on the next run: slower, never wrong.
	const kept: Record<string, SavedPage> = {};
	Object.keys( state.pages ).sort().forEach( ( title ) => {
		if ( byteLength( storedJson( header( Object.assign( {}, state, { pages: kept } ), 1, 999999 ) ) ) < maxBytes / 2 ) {
			kept[ title ] = state.pages[ title ];
		}
	} );
	state = Object.assign( {}, state, { pages: kept } );
	// Room for the rows: the page less its other members, with a part count of any size.
	const room = ( part: number ): number => maxBytes - byteLength( storedJson( Object.assign( header( state, part, 999999 ), { requests: [ 0 ] } ) ) );
	const packed = pack( rows, ( row ) => elementBytes( row, 2 ), room );
	packed.tooLarge.forEach( ( row ) => {
		row[ 4 ] = [];
		packed.parts[ packed.parts.length - 1 ].push( row );
	} );
	return packed.parts.map( ( part, index ) => {
		const value = Object.assign( header( state, index + 1, packed.parts.length ), {
			requests: part.sort( ( a, b ) => a[ 0 ] - b[ 0 ] ),
		} );
		return Object.assign( generatedPage( statePartTitle( pages, index + 1 ), storedJson( value ) ), { contentModel: 'json' as const } );
	} );
}

function parse( text: string ): Record<string, unknown> | null {
	try {
		const value = JSON.parse( text );
		return value && typeof value === 'object' && !Array.isArray( value ) && value.schema === STATE_SCHEMA ? value : null;
	} catch {
		return null;
	}
}

/** Part 1's save time and part count, or null if it is not a state page of this schema. */
export function stateHeader( text: string ): { saved: string; parts: number } | null {
	const value = parse( text );
	if ( !value || value.part !== 1 || typeof value.saved !== 'string' || !Number.isInteger( value.parts ) || ( value.parts as number ) < 1 ) {
		return null;
	}
	return { saved: value.saved, parts: value.parts as number };
}

/** The state from its pages as read (every part), or null if it cannot be trusted. */
export function readState( pages: HelpdeskPages, read: PageSnapshot[], botName: string ): BotState | null {
	const byTitle: Record<string, PageSnapshot> = {};
	read.forEach( ( page ) => {
		byTitle[ page.title ] = page;
	} );
	const first = byTitle[ statePartTitle( pages, 1 ) ];
	const top = first ? stateHeader( first.text ) : null;
	if ( !first || !top ) {
		return null;
	}
	const values: Record<string, unknown>[] = [];
	for ( let part = 1; part <= top.parts; part++ ) {
		const page = byTitle[ statePartTitle( pages, part ) ];
		const value = page && normaliseUserName( page.user ) === normaliseUserName( botName ) ? parse( page.text ) : null;
		if ( !value || value.part !== part || value.parts !== top.parts || value.saved !== top.saved || !Array.isArray( value.requests ) ) {
			return null;
		}
		values.push( value );
	}
	const head = values[ 0 ];
	if ( typeof head.lastFullScan !== 'string' || typeof head.recheck !== 'string' || typeof head.basis !== 'string' ||
		!head.pages || typeof head.pages !== 'object' ) {
		return null;
	}
	const saved: Record<string, SavedPage> = {};
	for ( const [ title, entry ] of Object.entries( head.pages as Record<string, unknown> ) ) {
		if ( !Array.isArray( entry ) || !Number.isInteger( entry[ 0 ] ) || typeof entry[ 1 ] !== 'string' ) {
			return null;
		}
		saved[ title ] = { revid: entry[ 0 ], sha1: entry[ 1 ] };
	}
	const requests: RequestFacts[] = [];
	for ( const value of values ) {
		for ( const row of value.requests as unknown[] ) {
			const facts = factsFrom( row );
			if ( !facts ) {
				return null;
			}
			requests.push( facts );
		}
	}
	return {
		saved: top.saved, lastFullScan: head.lastFullScan, recheck: head.recheck, basis: head.basis, pages: saved, requests: requests,
	};
}

function canonical( state: BotState ): string {
	return storedJson( Object.assign( header( Object.assign( {}, state, { saved: '' } ), 1, 1 ), {
		requests: state.requests.slice().sort( ( a, b ) => a.pageid - b.pageid ).map( rowOf ),
	} ) );
}

/** Two states that differ at most in when they were saved. */
export function sameState( a: BotState, b: BotState ): boolean {
	return canonical( a ) === canonical( b );
}
