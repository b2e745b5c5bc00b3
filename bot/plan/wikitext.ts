/**
 * Small, exact wikitext operations: finding template calls, the bot's hidden
 * markers, `{{bots}}`/`{{nobots}}`, and changing one parameter's value in place so
 * that everything else a person wrote stays byte for byte.
 */
import { parseTemplates } from 'mwn/build/wikitext.js';
import type { Template } from 'mwn';

/** `user_name`, ` user name ` and `User name` are one user. */
export function normaliseUserName( name: string ): string {
	const bare = name.replace( /[_\s]+/g, ' ' ).trim().replace( /^(user|benutzer|användare)\s*:\s*/i, '' ).trim();
	return bare.charAt( 0 ).toUpperCase() + bare.slice( 1 );
}

/** `Template:Foo bar`, `foo_bar` and `Foo bar` all name the template `Foo bar`. */
export function templateKey( name: string ): string {
	const bare = name.replace( /^\s*(template|mall)\s*:/i, '' ).replace( /[\s_]+/g, ' ' ).trim();
	return bare.charAt( 0 ).toUpperCase() + bare.slice( 1 );
}

/** `Content type`, `content-type` and `CONTENT_TYPE` all name `content_type`. */
export function paramKey( name: string | number ): string {
	return String( name ).trim().toLowerCase().replace( /[\s_-]+/g, '_' );
}

/** Calls of one template (not those inside comments or nowiki), in page order. */
export function findTemplates( text: string, name: string ): Template[] {
	const wanted = templateKey( name );
	try {
		return parseTemplates( text, { namePredicate: ( found: string ) => templateKey( found ) === wanted } );
	} catch {
		return [];
	}
}

/** A named parameter's value, trimmed, or '' when absent. */
export function paramValue( template: Template, name: string ): string {
	const key = paramKey( name );
	const param = template.parameters.find( ( candidate ) => paramKey( candidate.name ) === key && candidate.value !== '' ) ||
		template.parameters.find( ( candidate ) => paramKey( candidate.name ) === key );
	return param ? param.value : '';
}

// Markers ---------------------------------------------------------------------

const MARKER_START = '<!-- helpdesk-bot ';
const MARKER = /<!-- helpdesk-bot (\{.*?\}) -->/g;

/** A hidden marker recording one notice or stamp, written in the same edit as it. */
export function marker( content: object ): string {
	return MARKER_START + JSON.stringify( content ) + ' -->';
}

/** Every marker on the page, in page order; unreadable ones are skipped. */
export function readMarkers( text: string ): Record<string, unknown>[] {
	const found: Record<string, unknown>[] = [];
	let match: RegExpExecArray | null;
	MARKER.lastIndex = 0;
	while ( ( match = MARKER.exec( text ) ) !== null ) {
		try {
			const value: unknown = JSON.parse( match[ 1 ] );
			if ( value && typeof value === 'object' && !Array.isArray( value ) ) {
				found.push( value as Record<string, unknown> );
			}
		} catch {
			// A marker someone edited by hand counts for nothing.
		}
	}
	return found;
}

// {{bots}} and {{nobots}} -----------------------------------------------------

function nameList( value: string ): string[] {
	return value.split( ',' ).map( ( entry ) => normaliseUserName( entry ).toLowerCase() ).filter( ( entry ) => entry !== '' );
}

/**
 * Whether the page shuts this bot out, with the usual semantics: `{{nobots}}`;
 * `{{bots|deny=all}}` or a deny list naming the bot; `{{bots|allow=none}}` or an
 * allow list not naming it; `{{bots|optout=all}}`.
 */
export function botsDenied( text: string, botName: string ): boolean {
	if ( findTemplates( text, 'Nobots' ).length > 0 ) {
		return true;
	}
	const me = normaliseUserName( botName ).toLowerCase();
	for ( const call of findTemplates( text, 'Bots' ) ) {
		const deny = nameList( paramValue( call, 'deny' ) );
		if ( deny.includes( 'all' ) || deny.includes( me ) ) {
			return true;
		}
		const allowText = paramValue( call, 'allow' );
		if ( allowText !== '' ) {
			const allow = nameList( allowText );
			if ( !allow.includes( 'all' ) && !allow.includes( me ) ) {
				return true;
			}
		}
		if ( nameList( paramValue( call, 'optout' ) ).includes( 'all' ) ) {
			return true;
		}
	}
	return false;
}

// Parameters in place --------------------------------------------------------

interface Located {
	start: number;
	template: Template;
	/** Start of each parameter's chunk (at its pipe), in the page. */
	chunkStarts: number[];
}

function locate( text: string, template: Template ): Located | null {
	const start = text.indexOf( template.wikitext );
	if ( start === -1 ) {
		return null;
	}
	// The template's text is '{{' + name + chunks + '}}' exactly; each chunk starts with its pipe.
	const inner = template.wikitext.length - 4;
	const chunksLength = template.parameters.reduce( ( sum, param ) => sum + param.wikitext.length, 0 );
	let offset = start + 2 + ( inner - chunksLength );
	const chunkStarts = template.parameters.map( ( param ) => {
		const chunkStart = offset;
		offset += param.wikitext.length;
		return chunkStart;
	} );
	return { start: start, template: template, chunkStarts: chunkStarts };
}

function withValue( chunk: string, value: string ): string {
	const equals = chunk.indexOf( '=' );
	const after = chunk.slice( equals + 1 );
	if ( after.trim() === '' ) {
		return chunk.slice( 0, equals + 1 ) + ' ' + value + after.replace( /^[ \t]+/, '' );
	}
	const lead = /^\s*/.exec( after )![ 0 ];
	const trail = /\s*$/.exec( after )![ 0 ];
	return chunk.slice( 0, equals + 1 ) + lead + value + trail;
}

/**
 * Set named parameters of the first call of `templateName`, changing only their
 * values (or adding the parameter before the closing braces, in the call's style).
 * Returns the text unchanged when there is no such call.
 */
export function setTemplateParams( text: string, templateName: string, values: Record<string, string> ): string {
	let result = text;
	for ( const name of Object.keys( values ) ) {
		const template = findTemplates( result, templateName )[ 0 ];
		if ( !template ) {
			return text;
		}
		const located = locate( result, template );
		if ( !located ) {
			return text;
		}
		const key = paramKey( name );
		const indexes = template.parameters.map( ( param, position ) => paramKey( param.name ) === key && typeof param.name === 'string' ? position : -1 )
			.filter( ( position ) => position !== -1 );
		// The codec reads the first non-empty value: change that one.
		const index = indexes.find( ( candidate ) => template.parameters[ candidate ].value !== '' );
		const chosen = index === undefined ? indexes[ 0 ] : index;
		if ( chosen !== undefined ) {
			const chunk = template.parameters[ chosen ].wikitext;
			const chunkStart = located.chunkStarts[ chosen ];
			result = result.slice( 0, chunkStart ) + withValue( chunk, values[ name ] ) + result.slice( chunkStart + chunk.length );
			continue;
		}
		const end = located.start + template.wikitext.length - 2;
		const multiline = /\n\s*$/.test( result.slice( located.start, end ) );
		const addition = multiline ? '| ' + name + ' = ' + values[ name ] + '\n' : '|' + name + '=' + values[ name ];
		const insertAt = multiline ? end - /[ \t]*$/.exec( result.slice( located.start, end ) )![ 0 ].length : end;
		result = result.slice( 0, insertAt ) + addition + result.slice( insertAt );
	}
	return result;
}
