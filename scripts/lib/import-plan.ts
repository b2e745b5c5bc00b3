/**
 * Requests received by e-mail, as pages: each entry of the import file becomes the
 * page the gadget would have written, with the requester and date from the file.
 */
import Ajv2020, { ErrorObject } from 'ajv/dist/2020.js';
import { HelpdeskRequest, emptyRequest, RequestFormFields } from '../../shared/request';
import requestSchema from '../../shared/request.schema.json';
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

const ajv = new Ajv2020( { allErrors: true } );
ajv.addSchema( requestSchema );
/** One entry of the import file, as import.schema.json's items say. */
const isImportedRequest = ajv.getSchema( 'request.schema.json#/$defs/importedRequest' ) as ReturnType<typeof ajv.compile>;
const KNOWN_FIELDS = new Set( Object.keys( requestSchema.$defs.requestFields.properties ) );
const TYPE_NAMES: Record<string, string> = { array: 'a list of strings', string: 'a string', boolean: 'a boolean' };

/**
 * The schema's complaints about an entry's shape, one reason each: a field that
 * is missing, unknown or of the wrong type. What the values say (too long, an
 * unknown country, a malformed time…) is left to validateRequest, which checks
 * the schema's rules and more, after the fields are tidied as the form tidies them.
 */
function shapeReasons( errors: ErrorObject[] ): string[] {
	const reasons: string[] = [];
	for ( const error of errors ) {
		const field = error.instancePath.split( '/' )[ 1 ];
		if ( error.keyword === 'type' && field !== undefined ) {
			const expected = /^\/[^/]+\/\d+$/.test( error.instancePath ) ? 'array' : String( ( error.params as { type: string } ).type );
			reasons.push( field + ': must be ' + ( TYPE_NAMES[ expected ] || 'a ' + expected ) );
		} else if ( error.keyword === 'required' && error.schemaPath === '#/required' ) {
			reasons.push( ( error.params as { missingProperty: string } ).missingProperty + ': required' );
		} else if ( error.keyword === 'unevaluatedProperties' ) {
			// When any field is wrong the schema counts every field as unevaluated; only the unknown ones are.
			const name = ( error.params as { unevaluatedProperty: string } ).unevaluatedProperty;
			if ( !KNOWN_FIELDS.has( name ) ) {
				reasons.push( name + ': unknown field' );
			}
		}
	}
	return reasons;
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
		const reasons = isImportedRequest( given ) ? [] : shapeReasons( isImportedRequest.errors || [] );
		// A missing field, or one of the wrong type, takes its empty value.
		const request = emptyRequest( '', '', 'en' ) as unknown as Record<string, unknown>;
		for ( const key of Object.keys( given ) ) {
			if ( KNOWN_FIELDS.has( key ) && !reasons.some( ( reason ) => reason.startsWith( key + ': must be ' ) ) ) {
				request[ key ] = given[ key ];
			}
		}
		// The status was entered when the request was filed (if that time is right).
		if ( request.statusSince === '' && isTimestamp( request.filed as string ) ) {
			request.statusSince = request.filed;
		}
		// The form's fields as the form saves them (NFC, `\n` line breaks, trimmed…).
		const checked = { ...request, ...normaliseFields( request as unknown as RequestFormFields ) } as HelpdeskRequest;
		for ( const reason of validateRequest( checked ).map( describe ) ) {
			if ( !reasons.includes( reason ) ) {
				reasons.push( reason );
			}
		}
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
export function planImport(
	entries: ImportEntry[], existing: ExistingPages, discussionHeading: ( language: string ) => string,
): ImportPlanEntry[] {
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
