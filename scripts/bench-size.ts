/**
 * Sizes of the built gadget: raw (bundled, not minified), minified (as deployed,
 * with banner and guards) and gzipped, for the loader, the form module, its CSS
 * and each translation module; then what a user downloads to open the form in
 * the largest translation, and what makes up the form module. Prints figures;
 * asserts nothing.
 *
 *     npm run bench:size
 *
 * Goals: loader ≤ 1 KB gzipped, form module ≤ 25 KB gzipped.
 */
import { gzipSync } from 'node:zlib';
import { buildInfo, bundleScripts, bundleStyles, SCRIPTS, wrapScript, wrapStyle } from './build';

function gzipped( text: string ): number {
	return gzipSync( Buffer.from( text ), { level: 9 } ).length;
}

function kb( bytes: number ): string {
	return ( bytes / 1024 ).toFixed( 1 ).padStart( 6 ) + ' KB';
}

interface Size {
	name: string;
	raw: number;
	minified: number;
	gzipped: number;
	/** As deployed. */
	text: string;
}

function printTable( sizes: Size[] ): void {
	const rows = [ [ 'file', 'raw', 'minified', 'gzipped' ] ].concat( sizes.map( ( size ) => [
		size.name, kb( size.raw ), kb( size.minified ), kb( size.gzipped ),
	] ) );
	const widths = rows[ 0 ].map( ( _title, column ) => Math.max( ...rows.map( ( row ) => row[ column ].length ) ) );
	rows.forEach( ( row ) => {
		console.log( row.map( ( cell, column ) => column === 0 ? cell.padEnd( widths[ column ] ) : cell.padStart( widths[ column ] ) ).join( '  ' ) );
	} );
}

async function main(): Promise<void> {
	const info = buildInfo();
	const raw = await bundleScripts( false, info );
	const minified = await bundleScripts( true, info );
	const rawStyles = await bundleStyles( false );
	const minifiedStyles = await bundleStyles( true );
	const sizes: Size[] = [];
	minified.forEach( ( script, index ) => {
		const deployed = wrapScript( script.code, info );
		sizes.push( {
			name: script.name, raw: Buffer.byteLength( raw[ index ].code ), minified: Buffer.byteLength( deployed ),
			gzipped: gzipped( deployed ), text: deployed,
		} );
	} );
	minifiedStyles.forEach( ( style, index ) => {
		const deployed = wrapStyle( style.code, info );
		sizes.push( {
			name: style.name, raw: Buffer.byteLength( rawStyles[ index ].code ), minified: Buffer.byteLength( deployed ),
			gzipped: gzipped( deployed ), text: deployed,
		} );
	} );
	// Loader, form module and CSS first, then the translation modules.
	const translations = sizes.filter( ( size ) => /-i18n-/.test( size.name ) );
	printTable( sizes.filter( ( size ) => !translations.includes( size ) ).concat( translations ) );

	const form = sizes.find( ( size ) => size.name === SCRIPTS[ 1 ].name ) as Size;
	const largest = translations.slice().sort( ( a, b ) => b.gzipped - a.gzipped )[ 0 ];
	if ( largest ) {
		// The loader asks for both at once, which ResourceLoader answers in one response;
		// loaded one after the other (the form's own fallback), each is gzipped apart.
		console.log( '\nForm module + the largest translation (' + largest.name + '), what a user downloads at most: ' +
			kb( form.minified + largest.minified ).trim() + ' minified, ' +
			kb( gzipped( form.text + largest.text ) ).trim() + ' gzipped in one response, ' +
			kb( form.gzipped + largest.gzipped ).trim() + ' in two' );
	}

	const formScript = minified.find( ( script ) => script.name === SCRIPTS[ 1 ].name );
	if ( formScript ) {
		console.log( '\n' + formScript.name + ' by source (minified bytes):' );
		const groups: Record<string, number> = {};
		Object.keys( formScript.inputs ).forEach( ( input ) => {
			const group = input.includes( 'gadget/i18n/' ) ? 'messages: ' + input.replace( /^.*\//, '' ) :
				input.replace( /^(node_modules\/[^/]+|shared|gadget\/[^/]+)\/.*$/, '$1' );
			groups[ group ] = ( groups[ group ] || 0 ) + formScript.inputs[ input ];
		} );
		Object.keys( groups ).sort( ( a, b ) => groups[ b ] - groups[ a ] ).forEach( ( group ) => {
			console.log( '  ' + kb( groups[ group ] ) + '  ' + group );
		} );
	}
}

main().catch( ( error: unknown ) => {
	console.error( error instanceof Error ? error.message : error );
	process.exitCode = 1;
} );
