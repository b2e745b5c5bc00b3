/**
 * A PNG of 2 × 2 pixels of one colour: a real image file of a few bytes, for the
 * files the demo and the tests upload to a local wiki standing in for Commons
 * (each colour gives a file of its own bytes, so none is a duplicate of another).
 */
import { crc32, deflateSync } from 'node:zlib';

function chunk( type: string, data: Buffer ): Buffer {
	const length = Buffer.alloc( 4 );
	length.writeUInt32BE( data.length );
	const body = Buffer.concat( [ Buffer.from( type, 'ascii' ), data ] );
	const sum = Buffer.alloc( 4 );
	sum.writeUInt32BE( crc32( body ) );
	return Buffer.concat( [ length, body, sum ] );
}

export function solidPng( red: number, green: number, blue: number ): Buffer {
	const header = Buffer.alloc( 13 );
	header.writeUInt32BE( 2, 0 );
	header.writeUInt32BE( 2, 4 );
	// 8 bits per channel, truecolour.
	header[ 8 ] = 8;
	header[ 9 ] = 2;
	const row = Buffer.from( [ 0, red, green, blue, red, green, blue ] );
	return Buffer.concat( [
		Buffer.from( [ 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a ] ),
		chunk( 'IHDR', header ), chunk( 'IDAT', deflateSync( Buffer.concat( [ row, row ] ) ) ), chunk( 'IEND', Buffer.alloc( 0 ) ),
	] );
}
