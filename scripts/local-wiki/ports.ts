/**
 * Ports on 127.0.0.1: one the kernel picks free, and whether something answers on one.
 * The local wiki, its tests and the benchmarks all ask here.
 */
import { connect, createServer } from 'node:net';

/** A port nobody listens on now (the kernel's pick). */
export function freePort(): Promise<number> {
	return new Promise( ( resolve, reject ) => {
		const server = createServer();
		server.once( 'error', reject );
		server.listen( 0, '127.0.0.1', () => {
			const address = server.address();
			server.close( () => address && typeof address === 'object' ? resolve( address.port ) : reject( new Error( 'No free port' ) ) );
		} );
	} );
}

/** Whether something accepts a connection on the port. */
export function portAnswers( port: number ): Promise<boolean> {
	return new Promise( ( resolve ) => {
		const socket = connect( { host: '127.0.0.1', port: port } );
		socket.once( 'connect', () => {
			socket.destroy();
			resolve( true );
		} );
		socket.once( 'error', () => resolve( false ) );
	} );
}
