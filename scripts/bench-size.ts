/**
 * Sizes of the built gadget: raw (bundled, not minified), minified (as deployed,
 * with banner and guards) and gzipped, for the loader, the form module and its
 * CSS, and what makes up the form module. Prints figures; asserts nothing.
 *
 *     npm run bench:size
 *
 * Goals: loader ≤ 1 KB gzipped, form module ≤ 25 KB gzipped.
 */
import { gzipSync } from 'node:zlib';
import { buildInfo, bundleScripts, bundleStyles, wrapScript, wrapStyle } from './build';

function gzipped( text: string ): number {
	return gzipSync( Buffer.from( text ), { level: 9 } ).length;
}

function kb( bytes: number ): string {
	return ( bytes / 1024 ).toFixed( 1 ).padStart( 6 ) + ' KB';
}

async function main(): Promise<void> {
	const info = buildInfo();
	const raw = await bundleScripts( false, info );
	const minified = await bundleScripts( true, info );
	const rawStyles = await bundleStyles( false );
	const minifiedStyles = await bundleStyles( true );
	const rows: string[][] = [ [ 'file', 'raw', 'minified', 'gzipped' ] ];
	minified.forEach( ( script, index ) => {
		const deployed = wrapScript( script.code, info );
		rows.push( [ script.name, kb( Buffer.byteLength( raw[ index ].code ) ), kb( Buffer.byteLength( deployed ) ), kb( gzipped( deployed ) ) ] );
	} );
	minifiedStyles.forEach( ( style, index ) => {
		const deployed = wrapStyle( style.code, info );
		rows.push( [ style.name, kb( Buffer.byteLength( rawStyles[ index ].code ) ), kb( Buffer.byteLength( deployed ) ), kb( gzipped( deployed ) ) ] );
	} );
	const widths = rows[ 0 ].map( ( _title, column ) => Math.max( ...rows.map( ( row ) => row[ column ].length ) ) );
	rows.forEach( ( row ) => {
		console.log( row.map( ( cell, column ) => column === 0 ? cell.padEnd( widths[ column ] ) : cell.padStart( widths[ column ] ) ).join( '  ' ) );
	} );

	const form = minified.find( ( script ) => script.name === 'Gadget-HelpdeskForm.js' );
	const englishForm = ( await bundleScripts( true, info, true ) ).find( ( script ) => script.name === 'Gadget-HelpdeskForm.js' );
	if ( englishForm ) {
		const deployed = wrapScript( englishForm.code, info );
		console.log( '\nGadget-HelpdeskForm.js with English messages only: ' + kb( Buffer.byteLength( deployed ) ).trim() +
			' minified, ' + kb( gzipped( deployed ) ).trim() + ' gzipped' );
	}
	if ( form ) {
		console.log( '\nGadget-HelpdeskForm.js by source (minified bytes):' );
		const groups: Record<string, number> = {};
		Object.keys( form.inputs ).forEach( ( input ) => {
			const group = input.includes( 'gadget/i18n/' ) ? 'messages: ' + input.replace( /^.*\//, '' ) :
				input.replace( /^(node_modules\/[^/]+|shared|gadget\/[^/]+)\/.*$/, '$1' );
			groups[ group ] = ( groups[ group ] || 0 ) + form.inputs[ input ];
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
