/**
 * Requests received by e-mail, as pages: each entry of the import file becomes the
 * page the gadget would have written, with the requester and date from the file.
 */
import { HelpdeskRequest, emptyRequest, RequestFormFields } from '../../shared/request';
import { statusRecord } from '../../bot/plan/request-page';
import { parseRequestPage, renderRequestPage } from '../../shared/codec';
import { candidateTitles } from '../../shared/title';
import { isTimestamp, normaliseFields, validateRequest, RequestProblem } from '../../shared/validation';

export interface InvalidEntry {
	index: number;
	title: string;
	reasons: string[];
}

export interface ImportEntry {
	index: number;
	request: HelpdeskRequest;
}

/** One reason per problem, in English, for the operator. */
function describe( problem: RequestProblem ): string {
	let text = problem.field + ': ' + problem.code.replace( /-/g, ' ' );
	if ( problem.limit !== undefined ) {
		text += ' (limit ' + problem.limit + ')';
	}
	if ( problem.entry !== undefined ) {
		text += ' (entry ' + ( problem.entry + 1 ) + ')';
	}
	return text;
}

/** Read the import file's entries: valid requests, and the invalid ones with reasons. */
export function readImportEntries( json: unknown ): { valid: ImportEntry[]; invalid: InvalidEntry[] } {
	const list = Array.isArray( json ) ? json :
		json && typeof json === 'object' && Array.isArray( ( json as { requests?: unknown } ).requests ) ?
			( json as { requests: unknown[] } ).requests : null;
	if ( list === null ) {
		throw new Error( 'The import file must hold an array of requests (or { "requests": [ … ] }).' );
	}
	const valid: ImportEntry[] = [];
	const invalid: InvalidEntry[] = [];
	list.forEach( ( entry: unknown, index: number ) => {
		if ( !entry || typeof entry !== 'object' || Array.isArray( entry ) ) {
			invalid.push( { index: index, title: '', reasons: [ 'not an object' ] } );
			return;
		}
		const given = entry as Record<string, unknown>;
		const base = emptyRequest( '', '', 'en' );
		const reasons: string[] = [];
		const request = { ...base } as Record<string, unknown>;
		for ( const key of Object.keys( given ) ) {
			if ( !Object.prototype.hasOwnProperty.call( base, key ) ) {
				reasons.push( key + ': unknown field' );
				continue;
			}
			const expected = typeof ( base as unknown as Record<string, unknown> )[ key ];
			const isList = Array.isArray( ( base as unknown as Record<string, unknown> )[ key ] );
			const value = given[ key ];
			if ( isList ? !( Array.isArray( value ) && value.every( ( v ) => typeof v === 'string' ) ) : typeof value !== expected ) {
				reasons.push( key + ': must be ' + ( isList ? 'a list of strings' : 'a ' + expected ) );
				continue;
			}
			request[ key ] = value;
		}
		// The status was entered when the request was filed (if that time is right).
		if ( request.statusSince === '' && isTimestamp( request.filed as string ) ) {
			request.statusSince = request.filed;
		}
		// The form's fields as the form saves them (NFC, `\n` line breaks, trimmed…).
		const checked = { ...request, ...normaliseFields( request as unknown as RequestFormFields ) } as HelpdeskRequest;
		reasons.push( ...validateRequest( checked ).map( describe ) );
		if ( reasons.length ) {
			invalid.push( { index: index, title: typeof given.title === 'string' ? given.title : '', reasons: reasons } );
		} else {
			valid.push( { index: index, request: checked } );
		}
	} );
	return { valid: valid, invalid: invalid };
}

export type ExistingPages = ReadonlyMap<string, string | null>;

export interface ImportPlanEntry extends ImportEntry {
	/** The page to create, or null when this request is already on the wiki. */
	title: string | null;
	/** The page that already holds it, when skipped. */
	existing?: string;
	text: string;
}

/**
 * Choose each request's page: skip a request already on the wiki (same title,
 * requester and filing time), else take the first free title.
 *
 * @param entries Valid requests from the import file
 * @param existing Text of each candidate title on the wiki (null: no such page)
 * @param discussionHeading The discussion heading in a language
 */
export function planImport( entries: ImportEntry[], existing: ExistingPages, discussionHeading: ( language: string ) => string ): ImportPlanEntry[] {
	const claimed = new Set<string>();
	return entries.map( ( entry ) => {
		// Imported with its status recorded: the bot has nothing to tell anyone about a past status, and no page to edit for it.
		const text = renderRequestPage( entry.request, { discussionHeading: discussionHeading( entry.request.language ) } ) +
			statusRecord( entry.request.status, entry.request.statusSince );
		for ( const title of candidateTitles( entry.request.title, CANDIDATES ) ) {
			const current = existing.get( title );
			if ( current !== undefined && current !== null ) {
				const parsed = parseRequestPage( current );
				if ( parsed.ok && parsed.request.requester === entry.request.requester && parsed.request.filed === entry.request.filed ) {
					return { ...entry, title: null, existing: title, text: text };
				}
				continue;
			}
			if ( !claimed.has( title ) ) {
				claimed.add( title );
				return { ...entry, title: title, text: text };
			}
		}
		throw new Error( 'No free title among ' + CANDIDATES + ' candidates for "' + entry.request.title + '"' );
	} );
}

/** How many titles (`X`, `X (2)` …) are looked at for each request. */
export const CANDIDATES = 20;
