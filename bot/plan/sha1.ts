/* eslint-disable no-bitwise -- a hash is bit arithmetic */
/**
 * SHA-1 of a string's UTF-8 bytes, in hex, as MediaWiki reports a revision's
 * `sha1`: pure, so that the planner can name what it compiled without Node.
 */

/** The UTF-8 bytes of a string (lone surrogates as U+FFFD, as TextEncoder does). */
export function utf8( text: string ): number[] {
	const bytes: number[] = [];
	for ( let i = 0; i < text.length; i++ ) {
		let code = text.charCodeAt( i );
		if ( code >= 0xd800 && code <= 0xdbff && i + 1 < text.length ) {
			const low = text.charCodeAt( i + 1 );
			if ( low >= 0xdc00 && low <= 0xdfff ) {
				code = 0x10000 + ( ( code - 0xd800 ) << 10 ) + ( low - 0xdc00 );
				i++;
			} else {
				code = 0xfffd;
			}
		} else if ( code >= 0xd800 && code <= 0xdfff ) {
			code = 0xfffd;
		}
		if ( code < 0x80 ) {
			bytes.push( code );
		} else if ( code < 0x800 ) {
			bytes.push( 0xc0 | ( code >> 6 ), 0x80 | ( code & 63 ) );
		} else if ( code < 0x10000 ) {
			bytes.push( 0xe0 | ( code >> 12 ), 0x80 | ( ( code >> 6 ) & 63 ), 0x80 | ( code & 63 ) );
		} else {
			bytes.push( 0xf0 | ( code >> 18 ), 0x80 | ( ( code >> 12 ) & 63 ), 0x80 | ( ( code >> 6 ) & 63 ), 0x80 | ( code & 63 ) );
		}
	}
	return bytes;
}

/** Bytes of the string in UTF-8, without building them. */
export function byteLength( text: string ): number {
	let bytes = 0;
	for ( let i = 0; i < text.length; i++ ) {
		const code = text.charCodeAt( i );
		if ( code < 0x80 ) {
			bytes += 1;
		} else if ( code < 0x800 ) {
			bytes += 2;
		} else if ( code >= 0xd800 && code <= 0xdbff && i + 1 < text.length &&
			text.charCodeAt( i + 1 ) >= 0xdc00 && text.charCodeAt( i + 1 ) <= 0xdfff ) {
			bytes += 4;
			i++;
		} else {
			bytes += 3;
		}
	}
	return bytes;
}

function rotate( value: number, bits: number ): number {
	return ( value << bits ) | ( value >>> ( 32 - bits ) );
}

export function sha1( text: string ): string {
	const bytes = utf8( text );
	const length = bytes.length;
	bytes.push( 0x80 );
	while ( bytes.length % 64 !== 56 ) {
		bytes.push( 0 );
	}
	const bits = length * 8;
	const high = Math.floor( bits / 0x100000000 );
	bytes.push( ( high >>> 24 ) & 255, ( high >>> 16 ) & 255, ( high >>> 8 ) & 255, high & 255,
		( bits >>> 24 ) & 255, ( bits >>> 16 ) & 255, ( bits >>> 8 ) & 255, bits & 255 );
	const h = [ 0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0 ];
	const w = new Array<number>( 80 );
	for ( let offset = 0; offset < bytes.length; offset += 64 ) {
		for ( let i = 0; i < 16; i++ ) {
			const at = offset + i * 4;
			w[ i ] = ( bytes[ at ] << 24 ) | ( bytes[ at + 1 ] << 16 ) | ( bytes[ at + 2 ] << 8 ) | bytes[ at + 3 ];
		}
		for ( let i = 16; i < 80; i++ ) {
			w[ i ] = rotate( w[ i - 3 ] ^ w[ i - 8 ] ^ w[ i - 14 ] ^ w[ i - 16 ], 1 );
		}
		let [ a, b, c, d, e ] = h;
		for ( let i = 0; i < 80; i++ ) {
			const f = i < 20 ? ( b & c ) | ( ~b & d ) : i < 40 ? b ^ c ^ d : i < 60 ? ( b & c ) | ( b & d ) | ( c & d ) : b ^ c ^ d;
			const k = i < 20 ? 0x5a827999 : i < 40 ? 0x6ed9eba1 : i < 60 ? 0x8f1bbcdc : 0xca62c1d6;
			const t = ( rotate( a, 5 ) + f + e + k + w[ i ] ) | 0;
			e = d;
			d = c;
			c = rotate( b, 30 );
			b = a;
			a = t;
		}
		h[ 0 ] = ( h[ 0 ] + a ) | 0;
		h[ 1 ] = ( h[ 1 ] + b ) | 0;
		h[ 2 ] = ( h[ 2 ] + c ) | 0;
		h[ 3 ] = ( h[ 3 ] + d ) | 0;
		h[ 4 ] = ( h[ 4 ] + e ) | 0;
	}
	return h.map( ( word ) => ( word >>> 0 ).toString( 16 ).padStart( 8, '0' ) ).join( '' );
}
