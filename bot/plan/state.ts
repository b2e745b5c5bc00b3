/**
 * The bot's state between runs, on a JSON page of its own and, when large, on
 * numbered pages after it (`State.json`, `State/2.json`…), read in a run's first
 * API request. It answers one question, "has anything changed since the last
 * run", and keeps who added each sign-off and verdict still on a page (facts of the page
 * history, which never change). It is never the authority on a request's status
 * or on what was delivered: the request pages and talk pages are.
 *
 *     part 1:    { "schema": 3, "about": …, "saved": T, "part": 1, "parts": N,
 *                  "rcid": RCID, "recheck": T or "", "basis": SHA-1, "compiled": [ TITLE, … ],
 *                  "signOffs": [ ROW, … ] }
 *     part 2…N:  { "schema": 3, "saved": T, "part": K, "parts": N, "signOffs": [ ROW, … ] }
 *     ROW:       [ PAGEID, [ "KIND|DECISION|MEMBER|AUTHOR|REVID|TIMESTAMP", …,
 *                              "verdict|USER|RATING|COMMENT-SHA1|AUTHOR|REVID|TIMESTAMP", … ] ]
 *
 * User names cannot contain `|`. The parts of one save carry the same `saved`; a
 * part missing, from another save, or last edited by someone other than the bot
 * voids the state: the next run reads every request page, and the histories of
 * the pages with sign-offs.
 */
import type { HelpdeskPages } from '../config';
import { byteLength, elementBytes, pack, storedJson } from './json-page';
import { statePartTitle } from './names';
import { generatedPage } from './pages';
import type { BotState, GeneratedPage, PageSnapshot, SignOff, SignOffAuthors } from './types';
import type { KnownVerdict } from './verdict';
import { normaliseUserName } from './wikitext';

export const STATE_SCHEMA = 3;

const ABOUT = 'State of the Helpdesk bot between runs. Only the bot edits this page: after an edit by anyone else the bot reads every request page and the histories of those with sign-offs again.';

type Row = [ number, string[] ];

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
		// In the order the planner writes them, so that the export reads the same either way.
		kind: fields[ 0 ], member: fields[ 2 ], decision: fields[ 1 ], author: fields[ 3 ],
		revid: Number( fields[ 4 ] ), timestamp: fields[ 5 ],
	};
}

/** A verdict's key (`verdict|USER|RATING|COMMENT-SHA1`), then who added it. */
function verdictText( verdict: KnownVerdict ): string {
	return [ verdict.key, verdict.author, verdict.revid, verdict.timestamp ].join( '|' );
}

function verdictFrom( text: string ): KnownVerdict | null {
	const fields = text.split( '|' );
	if ( fields.length !== 7 || fields[ 0 ] !== 'verdict' || !/^\d+$/.test( fields[ 5 ] ) ) {
		return null;
	}
	return { key: fields.slice( 0, 4 ).join( '|' ), user: fields[ 1 ], author: fields[ 4 ], revid: Number( fields[ 5 ] ), timestamp: fields[ 6 ] };
}

function rowOf( entry: SignOffAuthors ): Row {
	return [ entry.pageid, entry.signOffs.map( signOffText ).concat( ( entry.verdicts || [] ).map( verdictText ) ) ];
}

function authorsFrom( row: unknown ): SignOffAuthors | null {
	if ( !Array.isArray( row ) || row.length !== 2 || !Number.isInteger( row[ 0 ] ) || !Array.isArray( row[ 1 ] ) ) {
		return null;
	}
	const isVerdict = ( text: unknown ): boolean => typeof text === 'string' && text.indexOf( 'verdict|' ) === 0;
	const signOffs = row[ 1 ].filter( ( text ) => !isVerdict( text ) ).map( signOffFrom );
	const verdicts = ( row[ 1 ] as string[] ).filter( isVerdict ).map( verdictFrom );
	if ( signOffs.includes( null ) || verdicts.includes( null ) ) {
		return null;
	}
	const entry: SignOffAuthors = { pageid: row[ 0 ], signOffs: signOffs as SignOff[] };
	if ( verdicts.length ) {
		entry.verdicts = verdicts as KnownVerdict[];
	}
	return entry;
}

function header( state: BotState, part: number, parts: number ): Record<string, unknown> {
	const common = { schema: STATE_SCHEMA, saved: state.saved, part: part, parts: parts };
	if ( part > 1 ) {
		return common;
	}
	return Object.assign( { about: ABOUT }, common, {
		rcid: state.rcid, recheck: state.recheck, basis: state.basis, compiled: state.compiled.slice().sort(),
	} );
}

/**
 * The state as pages of at most `maxBytes`, part 1 first. A request whose row
 * alone would not fit is left out: its sign-offs are found again in its history.
 */
export function statePages( pages: HelpdeskPages, state: BotState, maxBytes: number ): GeneratedPage[] {
	const rows = state.signOffs.slice().sort( ( a, b ) => a.pageid - b.pageid ).map( rowOf );
	// Room for the rows: the page less its other members, with a part count of any size.
	const headerBytes = ( part: number ): number => byteLength( storedJson( { ...header( state, part, 999999 ), signOffs: [ 0 ] } ) );
	const room = ( part: number ): number => maxBytes - headerBytes( part );
	const packed = pack( rows, ( row ) => elementBytes( row, 2 ), room );
	return packed.parts.map( ( part, index ) => {
		const value = Object.assign( header( state, index + 1, packed.parts.length ), { signOffs: part } );
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

/** Part 1's save time, last recent change seen and part count, or null if it is not a state page of this schema. */
export function stateHeader( text: string ): { saved: string; rcid: number; parts: number } | null {
	const value = parse( text );
	if ( !value || value.part !== 1 || typeof value.saved !== 'string' || !Number.isInteger( value.parts ) || ( value.parts as number ) < 1 ||
		!Number.isInteger( value.rcid ) ) {
		return null;
	}
	return { saved: value.saved, rcid: value.rcid as number, parts: value.parts as number };
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
		if ( !value || value.part !== part || value.parts !== top.parts || value.saved !== top.saved || !Array.isArray( value.signOffs ) ) {
			return null;
		}
		values.push( value );
	}
	const head = values[ 0 ];
	if ( !Number.isInteger( head.rcid ) || typeof head.recheck !== 'string' || typeof head.basis !== 'string' || !Array.isArray( head.compiled ) ||
		head.compiled.some( ( title ) => typeof title !== 'string' ) ) {
		return null;
	}
	const signOffs: SignOffAuthors[] = [];
	for ( const value of values ) {
		for ( const row of value.signOffs as unknown[] ) {
			const entry = authorsFrom( row );
			if ( !entry ) {
				return null;
			}
			signOffs.push( entry );
		}
	}
	return {
		saved: top.saved, rcid: head.rcid as number, recheck: head.recheck, basis: head.basis, compiled: head.compiled as string[],
		signOffs: signOffs,
	};
}

function canonical( state: BotState ): string {
	return storedJson( Object.assign( header( Object.assign( {}, state, { saved: '', rcid: 0 } ), 1, 1 ), {
		signOffs: state.signOffs.slice().sort( ( a, b ) => a.pageid - b.pageid ).map( rowOf ),
	} ) );
}

/** Two states that differ at most in when they were saved and the last change they had seen. */
export function sameState( a: BotState, b: BotState ): boolean {
	return canonical( a ) === canonical( b );
}
