/**
 * The wikitext of a request page, both ways. A page is one call of the request
 * template, one parameter per field, then the discussion section:
 *
 *     {{Helpdesk request
 *     | title = …
 *     | partners =
 *     * Museum of X
 *     | …
 *     }}
 *
 *     == Discussion ==
 *
 * `parseRequestPage( renderRequestPage( r ) )` gives back `r` exactly, whatever the
 * requester typed. Parsing a page someone edited by hand gives the request or a
 * precise reason why not; it never throws.
 */
import { escapeText, unescapeText } from './escape';
import {
	HelpdeskRequest, PARTNERSHIP_STAGES, PartnershipStage, SUPPORT_KINDS, SupportKind, TARGET_PROJECTS, TargetProject,
} from './request';
import { normaliseStatus, normaliseWorkingGroup } from './status';
import { trimBlank } from './title-text';
import { findTemplates, paramKey, stripComments } from './wikitext';

export const REQUEST_TEMPLATE = 'Helpdesk request';

/** `ids`: a list whose entries are also split at spaces, commas and semicolons (`Q1, Q2`). */
type FieldKind = 'text' | 'list' | 'codes' | 'flag' | 'ids';

interface Param {
	field: keyof HelpdeskRequest;
	name: string;
	kind: FieldKind;
	/** A value matching this is written as it is (it is harmless and readable). */
	plain?: RegExp;
	/** Written only when filled, and absent from the request when empty (the outcomes). */
	optional?: true;
}

const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;
const CODE = /^[a-z][a-z0-9-]*$/;

/**
 * The parameter of a field: its name is the field's in snake case (`contentType`
 * is `content_type`). Written this way, the form module that bundles the codec stays small.
 */
function fieldParam( field: keyof HelpdeskRequest, kind: FieldKind, plain?: RegExp, optional?: true ): Param {
	return { field: field, name: field.replace( /[A-Z]/g, ( letter ) => '_' + letter.toLowerCase() ), kind: kind, plain: plain, optional: optional };
}

/** Template parameters in the order they are written. */
export const PARAMS: readonly Param[] = [
	fieldParam( 'title', 'text' ),
	fieldParam( 'status', 'text', CODE ),
	fieldParam( 'statusSince', 'text', TIMESTAMP ),
	fieldParam( 'workingGroup', 'text', CODE ),
	fieldParam( 'requester', 'text' ),
	fieldParam( 'filed', 'text', TIMESTAMP ),
	fieldParam( 'language', 'text', CODE ),
	fieldParam( 'affiliate', 'text' ),
	fieldParam( 'individual', 'flag' ),
	fieldParam( 'country', 'text', /^[A-Z]{2}$/ ),
	fieldParam( 'partners', 'list' ),
	fieldParam( 'support', 'codes' ),
	fieldParam( 'stage', 'text', CODE ),
	fieldParam( 'contentType', 'text' ),
	fieldParam( 'volume', 'text' ),
	fieldParam( 'projects', 'codes' ),
	fieldParam( 'languages', 'list' ),
	fieldParam( 'timeline', 'text' ),
	fieldParam( 'description', 'text' ),
	fieldParam( 'links', 'list' ),
	fieldParam( 'outcomeCategory', 'text', undefined, true ),
	fieldParam( 'outcomeItems', 'ids', undefined, true ),
	fieldParam( 'outcomeQuery', 'text', undefined, true ),
	fieldParam( 'outcomePages', 'list', undefined, true ),
];

/** Whether a parameter is written: always, or, for the optional ones, when filled. */
export function isWritten( param: Param, request: HelpdeskRequest ): boolean {
	// The optional fields are texts and lists: filled when they have a length.
	return !param.optional || ( ( request[ param.field ] || '' ) as string | string[] ).length > 0;
}

export interface RenderOptions {
	/** Heading of the discussion section, in the request's language. */
	discussionHeading?: string;
}

function renderValue( param: Param, value: unknown ): string {
	switch ( param.kind ) {
		case 'flag':
			return value ? 'yes' : '';
		case 'codes':
			return ( value as string[] ).join( ', ' );
		case 'list':
		case 'ids':
			return ( value as string[] ).map( ( entry ) => '\n* ' + escapeText( entry, false ) ).join( '' );
		default: {
			const text = value as string;
			return param.plain && param.plain.test( text ) ? text : escapeText( text );
		}
	}
}

/** The call of the request template, with every field. */
export function renderRequestTemplate( request: HelpdeskRequest ): string {
	const lines = PARAMS.filter( ( param ) => isWritten( param, request ) ).map( ( param ) => {
		const value = renderValue( param, request[ param.field ] );
		return '| ' + param.name + ' =' + ( value === '' || value.charAt( 0 ) === '\n' ? '' : ' ' ) + value;
	} );
	return '{{' + REQUEST_TEMPLATE + '\n' + lines.join( '\n' ) + '\n}}';
}

/** The whole wikitext of a new request page. */
export function renderRequestPage( request: HelpdeskRequest, options: RenderOptions = {} ): string {
	const heading = escapeText( options.discussionHeading || 'Discussion', false );
	return renderRequestTemplate( request ) + '\n\n== ' + heading + ' ==\n';
}

export type ParseProblemCode =
	'no-template' | 'several-templates' | 'missing-field' | 'duplicate-parameter' | 'unknown-status';

export interface ParseProblem {
	code: ParseProblemCode;
	/** The template parameter concerned, if any. */
	parameter?: string;
	/** English explanation, for logs and the bot's "needs attention" list. */
	message: string;
}

export interface ParsedRequestPage {
	ok: true;
	request: HelpdeskRequest;
	/** The template call as it stands on the page. */
	templateText: string;
	/** Everything after the template call. */
	discussion: string;
	/** Each parameter's value as written, after unescaping. */
	written: Partial<Record<string, string>>;
	/** Parameters the template does not know, as written. */
	unknownParameters: string[];
	/** Values that were understood only in part, in English. */
	warnings: string[];
	/**
	 * With `unknownStatus: 'keep'`: the status as written when it is not a Helpdesk
	 * status (`request.status` is then `submitted`, a placeholder); '' otherwise.
	 */
	unknownStatus: string;
}

export interface ParseOptions {
	/** `fail` (the default): an unknown status makes the page unreadable; `keep`: the rest is read, see `unknownStatus`. */
	unknownStatus?: 'fail' | 'keep';
}

export type ParseOutcome = ParsedRequestPage | { ok: false; problem: ParseProblem };

function listEntries( raw: string ): string[] {
	if ( raw.trim() === '' ) {
		return [];
	}
	const lines = raw.split( '\n' );
	const bulleted = lines.filter( ( line ) => line.charAt( 0 ) === '*' );
	if ( bulleted.length ) {
		return bulleted.map( ( line ) => unescapeText( line.replace( /^\*+ ?/, '' ).replace( /[ \t]+$/, '' ) ) );
	}
	return lines.map( ( line ) => unescapeText( line.trim() ) ).filter( ( entry ) => entry !== '' );
}

/** Identifiers one a line, or several on a line separated by spaces, commas or semicolons. */
function ids( raw: string ): string[] {
	const found: string[] = [];
	listEntries( raw ).forEach( ( entry ) => {
		found.push( ...entry.split( /[\s,;]+/ ).filter( ( id ) => id !== '' ) );
	} );
	return found;
}

function codes<T extends string>( raw: string, allowed: readonly T[], param: string, warnings: string[] ): T[] {
	const found: T[] = [];
	unescapeText( raw ).split( /[,;\n*]+/ ).forEach( ( typed ) => {
		const key = typed.trim().toLowerCase().replace( /[\s_]+/g, '-' );
		if ( key === '' ) {
			return;
		}
		const code = allowed.find( ( candidate ) => candidate === key );
		if ( code ) {
			if ( !found.includes( code ) ) {
				found.push( code );
			}
		} else {
			warnings.push( param + ': "' + typed.trim() + '" is not one of ' + allowed.join( ', ' ) );
		}
	} );
	return found;
}

/** Read a request page. Never throws: a page that is not a request gives the reason. */
export function parseRequestPage( pageText: string, options: ParseOptions = {} ): ParseOutcome {
	// As MediaWiki does on save, so that a page from elsewhere reads the same.
	const wikitext = pageText.replace( /\r\n?/g, '\n' );
	const templates = findTemplates( wikitext, REQUEST_TEMPLATE );
	if ( templates.length === 0 ) {
		return fail( 'no-template', 'The page has no {{' + REQUEST_TEMPLATE + '}} template.' );
	}
	if ( templates.length > 1 ) {
		return fail( 'several-templates', 'The page has ' + templates.length + ' {{' + REQUEST_TEMPLATE + '}} templates; a request page has one.' );
	}
	const template = templates[ 0 ];
	const byKey: Record<string, Param> = {};
	PARAMS.forEach( ( param ) => {
		byKey[ param.name ] = param;
	} );
	const raw: Record<string, string> = {};
	const unknownParameters: string[] = [];
	for ( const parameter of template.parameters ) {
		const name = String( parameter.name );
		// Own keys only: `| constructor = …` is an unknown parameter, not Object's.
		const param = Object.prototype.hasOwnProperty.call( byKey, paramKey( name ) ) ? byKey[ paramKey( name ) ] : undefined;
		if ( !param ) {
			unknownParameters.push( name );
			continue;
		}
		// MediaWiki drops comments before it trims an argument.
		const value = trimBlank( stripComments( parameter.value ) );
		if ( Object.prototype.hasOwnProperty.call( raw, param.name ) && raw[ param.name ] !== '' && value !== '' ) {
			return fail( 'duplicate-parameter', 'The parameter "' + param.name + '" is given twice.', param.name );
		}
		if ( !raw[ param.name ] ) {
			raw[ param.name ] = value;
		}
	}
	for ( const required of [ 'title', 'requester' ] ) {
		if ( !raw[ required ] || unescapeText( raw[ required ] ).trim() === '' ) {
			return fail( 'missing-field', 'The parameter "' + required + '" is missing or empty.', required );
		}
	}
	const text = ( name: string ): string => unescapeText( raw[ name ] || '' );
	const warnings: string[] = [];
	const status = normaliseStatus( text( 'status' ) );
	if ( status === null && options.unknownStatus !== 'keep' ) {
		return fail( 'unknown-status', 'The status "' + text( 'status' ).trim() + '" is not a Helpdesk status.', 'status' );
	}
	const workingGroup = text( 'working_group' ).trim() === '' ? null : normaliseWorkingGroup( text( 'working_group' ) );
	if ( workingGroup === null && text( 'working_group' ).trim() !== '' ) {
		warnings.push( 'working_group: "' + text( 'working_group' ).trim() + '" is not a working group' );
	}
	const stageTyped = text( 'stage' ).trim().toLowerCase().replace( /[\s_]+/g, '-' );
	const stage = PARTNERSHIP_STAGES.find( ( candidate ) => candidate === stageTyped );
	if ( stageTyped !== '' && !stage ) {
		warnings.push( 'stage: "' + text( 'stage' ).trim() + '" is not one of ' + PARTNERSHIP_STAGES.join( ', ' ) );
	}
	const request: HelpdeskRequest = {
		title: text( 'title' ),
		requester: text( 'requester' ),
		filed: text( 'filed' ),
		language: text( 'language' ),
		affiliate: text( 'affiliate' ),
		individual: /^\s*(yes|y|true|1|ja|oui|sí|si)\s*$/i.test( text( 'individual' ) ),
		country: text( 'country' ),
		partners: listEntries( raw.partners || '' ),
		support: codes<SupportKind>( raw.support || '', SUPPORT_KINDS, 'support', warnings ),
		stage: ( stage || '' ) as PartnershipStage | '',
		contentType: text( 'content_type' ),
		volume: text( 'volume' ),
		projects: codes<TargetProject>( raw.projects || '', TARGET_PROJECTS, 'projects', warnings ),
		languages: listEntries( raw.languages || '' ),
		timeline: text( 'timeline' ),
		description: text( 'description' ),
		links: listEntries( raw.links || '' ),
		status: status || 'submitted',
		statusSince: text( 'status_since' ),
		workingGroup: workingGroup || '',
	};
	const outcomes = request as unknown as Record<string, string | string[]>;
	PARAMS.filter( ( param ) => param.optional && raw[ param.name ] ).forEach( ( param ) => {
		const value = param.kind === 'text' ? text( param.name ) : param.kind === 'ids' ?
			ids( raw[ param.name ] ) : listEntries( raw[ param.name ] );
		if ( value.length ) {
			outcomes[ param.field ] = value;
		}
	} );
	const written: Partial<Record<string, string>> = {};
	Object.keys( raw ).forEach( ( name ) => {
		written[ name ] = text( name );
	} );
	return {
		ok: true,
		request: request,
		templateText: template.wikitext,
		discussion: wikitext.slice( template.start + template.wikitext.length ),
		written: written,
		unknownParameters: unknownParameters,
		warnings: warnings,
		unknownStatus: status === null ? text( 'status' ).trim() : '',
	};
}

function fail( code: ParseProblemCode, message: string, parameter?: string ): ParseOutcome {
	const problem: ParseProblem = { code: code, message: message };
	if ( parameter ) {
		problem.parameter = parameter;
	}
	return { ok: false, problem: problem };
}
