/**
 * Small, exact wikitext operations: finding template calls, the bot's hidden
 * markers, `{{bots}}`/`{{nobots}}`, and changing one parameter's value in place so
 * that everything else a person wrote stays byte for byte.
 */
import { findTemplates, normaliseUserName, paramKey, paramValue, TemplateCall, TemplateParameter } from '../../shared/wikitext';

export { findTemplates, normaliseUserName, paramKey, paramValue, templateKey } from '../../shared/wikitext';
export type { TemplateCall, TemplateParameter } from '../../shared/wikitext';

// Markers ---------------------------------------------------------------------

const MARKER_START = '<!-- helpdesk-bot ';
const MARKER = /<!-- helpdesk-bot (\{.*?\}) -->/g;

/** A hidden marker recording one notice or stamp, written in the same edit as it. */
export function marker( content: object ): string {
	// `<`, `>` and `&` as JSON escapes: nothing inside can close the comment or start markup.
	return MARKER_START + JSON.stringify( content ).replace( /[<>&]/g, ( character ) => '\\u00' + character.charCodeAt( 0 ).toString( 16 ).toUpperCase() ) + ' -->';
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
	// Each entry trimmed as the preprocessor trims an argument, then read as a user name.
	return value.split( ',' ).map( ( entry ) => normaliseUserName( entry.replace( /^[ \t\n\r]+|[ \t\n\r]+$/g, '' ) ).toLowerCase() )
		.filter( ( entry ) => entry !== '' );
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

/** Start of each parameter's chunk (at its pipe), in the page. */
function chunkStarts( call: TemplateCall ): number[] {
	// The call's text is '{{' + name + chunks + '}}' exactly; each chunk starts with its pipe.
	const chunksLength = call.parameters.reduce( ( sum, param ) => sum + param.wikitext.length, 0 );
	let offset = call.start + call.wikitext.length - 2 - chunksLength;
	return call.parameters.map( ( param ) => {
		const chunkStart = offset;
		offset += param.wikitext.length;
		return chunkStart;
	} );
}

/** Whitespace the preprocessor trims from an argument (PHP's trim). */
// eslint-disable-next-line no-control-regex
const ARGUMENT_SPACE = /[ \t\n\r\0\x0b]/;

/** Offset of the `=` that names a parameter, in its chunk: right before its (trimmed) value. */
function equalsAt( param: TemplateParameter ): number {
	const chunk = param.wikitext;
	let end = chunk.length;
	while ( end > 0 && ARGUMENT_SPACE.test( chunk.charAt( end - 1 ) ) ) {
		end--;
	}
	if ( chunk.slice( end - param.value.length, end ) === param.value ) {
		end -= param.value.length;
		while ( end > 0 && ARGUMENT_SPACE.test( chunk.charAt( end - 1 ) ) ) {
			end--;
		}
	}
	return chunk.charAt( end - 1 ) === '=' ? end - 1 : chunk.indexOf( '=' );
}

function withValue( param: TemplateParameter, value: string ): string {
	const chunk = param.wikitext;
	const equals = equalsAt( param );
	const after = chunk.slice( equals + 1 );
	const lead = /^[ \t\n\r\0\x0b]*/.exec( after )![ 0 ]; // eslint-disable-line no-control-regex
	if ( lead.length === after.length ) {
		return chunk.slice( 0, equals + 1 ) + ' ' + value + after.replace( /^[ \t]+/, '' );
	}
	const trail = /[ \t\n\r\0\x0b]*$/.exec( after )![ 0 ]; // eslint-disable-line no-control-regex
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
		const key = paramKey( name );
		const indexes = template.parameters.map( ( param, position ) => paramKey( param.name ) === key && typeof param.name === 'string' ? position : -1 )
			.filter( ( position ) => position !== -1 );
		// The codec reads the first non-empty value: change that one.
		const index = indexes.find( ( candidate ) => template.parameters[ candidate ].value !== '' );
		const chosen = index === undefined ? indexes[ 0 ] : index;
		if ( chosen !== undefined ) {
			const param = template.parameters[ chosen ];
			const chunkStart = chunkStarts( template )[ chosen ];
			result = result.slice( 0, chunkStart ) + withValue( param, values[ name ] ) +
				result.slice( chunkStart + param.wikitext.length );
			continue;
		}
		const end = template.start + template.wikitext.length - 2;
		const multiline = /\n\s*$/.test( result.slice( template.start, end ) );
		const addition = multiline ? '| ' + name + ' = ' + values[ name ] + '\n' : '|' + name + '=' + values[ name ];
		const insertAt = multiline ? end - /[ \t]*$/.exec( result.slice( template.start, end ) )![ 0 ].length : end;
		result = result.slice( 0, insertAt ) + addition + result.slice( insertAt );
	}
	return result;
}

/**
 * Set or remove named parameters of the `index`-th call of `templateName` (in page
 * order): each name's every occurrence is removed, then a value that is not null
 * is added before the closing braces. Values must be safe wikitext already.
 */
export function setCallParams( text: string, templateName: string, index: number, values: Record<string, string | null> ): string {
	let result = text;
	for ( const name of Object.keys( values ) ) {
		const call = findTemplates( result, templateName )[ index ];
		if ( !call ) {
			return text;
		}
		const starts = chunkStarts( call );
		const key = paramKey( name );
		for ( let i = call.parameters.length - 1; i >= 0; i-- ) {
			const param = call.parameters[ i ];
			if ( typeof param.name === 'string' && paramKey( param.name ) === key ) {
				result = result.slice( 0, starts[ i ] ) + result.slice( starts[ i ] + param.wikitext.length );
			}
		}
		const value = values[ name ];
		if ( value !== null ) {
			const updated = findTemplates( result, templateName )[ index ];
			const end = updated.start + updated.wikitext.length - 2;
			result = result.slice( 0, end ) + '|' + name + '=' + value + result.slice( end );
		}
	}
	return result;
}
