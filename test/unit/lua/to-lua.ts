import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Scribunto's own Lua library, as Debian's MediaWiki installs it. */
export const LUALIB = '/usr/share/mediawiki/extensions-core/Scribunto/includes/engines/LuaCommon/lualib';

/** The Lua tests run where lua5.1 and Scribunto's library are (`.ci/run` installs both); elsewhere they are skipped. */
export const HAS_LUA = spawnSync( 'lua5.1', [ '-v' ] ).status === 0 && existsSync( LUALIB );

/**
 * Run `lines` of Lua under lua5.1 (as Scribunto's luastandalone) from a script in
 * `dir`, after setting `globals` (and LUALIB and SCRIBUNTO_STUBS, for the harnesses);
 * what it writes.
 */
export function runLua( dir: string, globals: Record<string, unknown>, lines: string[] ): string {
	const file = join( dir, 'run.lua' );
	const all: Record<string, unknown> = { LUALIB: LUALIB, SCRIBUNTO_STUBS: resolve( __dirname, 'scribunto.lua' ), ...globals };
	writeFileSync( file, Object.keys( all ).map( ( name ) => name + ' = ' + toLua( all[ name ] ) ).concat( lines ).join( '\n' ), 'latin1' );
	const result = spawnSync( 'lua5.1', [ file ], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 } );
	if ( result.status !== 0 ) {
		throw new Error( 'Lua failed: ' + result.stderr );
	}
	return result.stdout;
}

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
