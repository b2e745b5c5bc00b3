/**
 * The form's state apart from its widgets: the fields as typed, the request they
 * make, and the messages for their problems. The widgets only read and write
 * RequestFormFields; everything that decides something is here.
 */
import {
	emptyRequest, HelpdeskRequest, PARTNERSHIP_STAGES, RequestFormFields, SUPPORT_KINDS, TARGET_PROJECTS,
} from '../../shared/request';
import { FieldProblem, FORM_FIELDS, normaliseFields, validateFields } from '../../shared/validation';

export type FieldName = keyof RequestFormFields;

export { FORM_FIELDS };

/** A message to show, as a key and its parameters. */
export interface FieldMessage {
	key: string;
	params: ( string | number )[];
	/** The line of a multi-line field it is about, from 1. */
	line?: number;
}

export function emptyFields(): RequestFormFields {
	const request = emptyRequest( '', '', '' );
	const fields = {} as Record<FieldName, unknown>;
	FORM_FIELDS.forEach( ( field ) => {
		fields[ field ] = request[ field ];
	} );
	return fields as RequestFormFields;
}

/** Whether nothing has been typed or chosen (such a form is not worth a draft). */
export function isBlank( fields: RequestFormFields ): boolean {
	return FORM_FIELDS.every( ( field ) => {
		const value = fields[ field ];
		if ( typeof value === 'boolean' ) {
			return !value;
		}
		return typeof value === 'string' ? value.trim() === '' : value.every( ( entry ) => entry.trim() === '' );
	} );
}

export function sameFields( a: RequestFormFields, b: RequestFormFields ): boolean {
	return FORM_FIELDS.every( ( field ) => JSON.stringify( a[ field ] ) === JSON.stringify( b[ field ] ) );
}

function strings( value: unknown ): string[] | null {
	return Array.isArray( value ) && value.every( ( entry ) => typeof entry === 'string' ) ? value.slice() : null;
}

function choices<T extends string>( value: unknown, allowed: readonly T[] ): T[] {
	return ( strings( value ) || [] ).filter( ( entry ): entry is T => allowed.includes( entry as T ) );
}

/**
 * Fields read back from storage, which another version of the form (or another
 * script) may have written: what has the right type is kept, the rest is empty.
 * Null when `value` is not fields at all.
 */
export function fieldsFrom( value: unknown ): RequestFormFields | null {
	if ( !value || typeof value !== 'object' || Array.isArray( value ) ) {
		return null;
	}
	const stored = value as Record<string, unknown>;
	const fields = emptyFields();
	const text = ( field: 'title' | 'affiliate' | 'country' | 'contentType' | 'volume' | 'timeline' | 'description' ): void => {
		const typed = stored[ field ];
		if ( typeof typed === 'string' ) {
			fields[ field ] = typed;
		}
	};
	text( 'title' );
	text( 'affiliate' );
	text( 'country' );
	text( 'contentType' );
	text( 'volume' );
	text( 'timeline' );
	text( 'description' );
	fields.individual = stored.individual === true;
	fields.partners = strings( stored.partners ) || [];
	fields.languages = strings( stored.languages ) || [];
	fields.links = strings( stored.links ) || [];
	fields.support = choices( stored.support, SUPPORT_KINDS );
	fields.projects = choices( stored.projects, TARGET_PROJECTS );
	const stage = PARTNERSHIP_STAGES.find( ( candidate ) => candidate === stored.stage );
	fields.stage = stage || '';
	return fields;
}

/** A multi-line field's text as list entries (one per line; blank lines are kept until saving). */
export function linesToList( text: string ): string[] {
	return text === '' ? [] : text.replace( /\r\n?/g, '\n' ).split( '\n' );
}

export function listToLines( entries: readonly string[] ): string {
	return entries.join( '\n' );
}

/** Now, as the request model writes times: ISO 8601 UTC to the second. */
export function filingTime( now: Date ): string {
	return now.toISOString().replace( /\.\d+Z$/, 'Z' );
}

export interface Filer {
	/** `wgUserName` */
	requester: string;
	/** `wgUserLanguage` */
	language: string;
}

/** The request the fields make, filed now by `filer`. */
export function requestFromFields( fields: RequestFormFields, filer: Filer, now: Date ): HelpdeskRequest {
	const request = emptyRequest( filer.requester, filingTime( now ), filer.language );
	const clean = normaliseFields( fields );
	FORM_FIELDS.forEach( ( field ) => {
		( request as unknown as Record<FieldName, unknown> )[ field ] = clean[ field ];
	} );
	return request;
}

/**
 * Problems of the fields as they would be saved. Saving drops blank lines, so an
 * entry's index is turned back into the index of the line as typed.
 */
export function fieldProblems( fields: RequestFormFields ): FieldProblem[] {
	return validateFields( normaliseFields( fields ) ).map( ( problem ) => {
		const typed = fields[ problem.field ];
		if ( problem.entry === undefined || !Array.isArray( typed ) ) {
			return problem;
		}
		const lines = ( typed as readonly string[] )
			.map( ( entry, index ) => entry.trim() === '' ? -1 : index )
			.filter( ( index ) => index !== -1 );
		const moved: FieldProblem = Object.assign( {}, problem );
		moved.entry = problem.entry < lines.length ? lines[ problem.entry ] : problem.entry;
		return moved;
	} );
}

/**
 * The fields that must be filled in, to mark them on the form. Derived from the
 * validation itself, so the marks cannot disagree with it.
 */
export function requiredFields(): FieldName[] {
	return validateFields( emptyFields() )
		.filter( ( problem ) => problem.code === 'required' || problem.code === 'affiliate-or-individual' )
		.map( ( problem ) => problem.field );
}

/** The message for one problem: `helpdesk-problem-<code>`, with the bound as `$1`. */
export function problemMessage( problem: FieldProblem ): FieldMessage {
	const message: FieldMessage = {
		key: 'helpdesk-problem-' + problem.code,
		params: problem.limit === undefined ? [] : [ problem.limit ],
	};
	if ( problem.entry !== undefined ) {
		message.line = problem.entry + 1;
	}
	return message;
}

/** The messages to show next to each field, in the form's order. */
export function messagesByField( problems: readonly FieldProblem[] ): Map<FieldName, FieldMessage[]> {
	const byField = new Map<FieldName, FieldMessage[]>();
	problems.forEach( ( problem ) => {
		const list = byField.get( problem.field ) || [];
		list.push( problemMessage( problem ) );
		byField.set( problem.field, list );
	} );
	return byField;
}

/**
 * A field message as text. `text( key, …params )` is `mw.message( … ).text()` in
 * the form; a line of a list field is named with `helpdesk-problem-entry`.
 */
export function fieldMessageText( message: FieldMessage, text: ( key: string, ...params: ( string | number )[] ) => string ): string {
	const problem = text( message.key, ...message.params );
	return message.line === undefined ? problem : text( 'helpdesk-problem-entry', message.line, problem );
}

/** The message key part for a field: `contentType` → `content-type`. */
export function fieldKey( field: FieldName ): string {
	return field.replace( /[A-Z]/g, ( letter ) => '-' + letter.toLowerCase() );
}
