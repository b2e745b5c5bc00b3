/**
 * Values for Lua tests run under the system's lua5.1: a JSON value as a Lua
 * expression, null as nil (as mw.loadJsonData gives it), keys that are whole
 * numbers as numbers (as in `frame.args`), strings byte for byte.
 */
export function toLua( value: unknown ): string {
	if ( value === null || value === undefined ) {
		return 'nil';
	}
	if ( typeof value === 'string' ) {
		return '"' + Array.from( Buffer.from( value, 'utf8' ), ( byte ) => (
			byte < 32 || byte === 34 || byte === 92 || byte === 127 ? '\\' + byte : String.fromCharCode( byte )
		) ).join( '' ) + '"';
	}
	if ( typeof value === 'number' || typeof value === 'boolean' ) {
		return String( value );
	}
	if ( Array.isArray( value ) ) {
		return '{' + value.map( toLua ).join( ',' ) + '}';
	}
	return '{' + Object.entries( value as Record<string, unknown> )
		.filter( ( [ , item ] ) => item !== null && item !== undefined )
		.map( ( [ key, item ] ) => '[' + ( /^[1-9]\d*$/.test( key ) ? key : toLua( key ) ) + ']=' + toLua( item ) ).join( ',' ) + '}';
}
