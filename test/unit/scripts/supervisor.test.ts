/**
 * What npm start started is stopped, last started first, on the first reason
 * given; a part that fails to stop does not keep the others running; a child
 * process is stopped with its whole process group.
 */
import { describe, expect, it } from 'vitest';
import { groupMembers } from '../../../scripts/local-wiki/server';
import { Stopped, Supervisor } from '../../../scripts/lib/supervisor';

describe( 'Supervisor', () => {
	it( 'keeps the first reason to stop', async () => {
		const supervisor = new Supervisor();
		expect( supervisor.stopping ).toBe( false );
		supervisor.stop( 'the bot stopped by itself (exit code 2)', true );
		supervisor.stop( 'Ctrl-C (SIGINT) received', false );
		expect( supervisor.stopping ).toBe( true );
		await expect( supervisor.stopped ).resolves.toEqual( { reason: 'the bot stopped by itself (exit code 2)', failed: true } );
	} );

	it( 'stops the parts last started first, each even if one fails, and reports what failed', async () => {
		const supervisor = new Supervisor();
		const order: string[] = [];
		supervisor.started( 'the wiki', async () => {
			order.push( 'the wiki' );
		} );
		supervisor.started( 'the build', async () => {
			order.push( 'the build' );
			throw new Error( 'no such process' );
		} );
		const forget = supervisor.started( 'a finished step', async () => {
			order.push( 'a finished step' );
		} );
		supervisor.started( 'the bot', async () => {
			order.push( 'the bot' );
			return 'Stopped the bot after its run.';
		} );
		forget();
		expect( supervisor.running ).toEqual( [ 'the wiki', 'the build', 'the bot' ] );
		const lines: string[] = [];
		const problems = await supervisor.shutdown( ( line ) => lines.push( line ) );
		expect( order ).toEqual( [ 'the bot', 'the build', 'the wiki' ] );
		expect( lines ).toEqual( [ 'Stopped the bot after its run.', 'Stopped the wiki.' ] );
		expect( problems ).toEqual( [ 'the build: no such process' ] );
		expect( supervisor.running ).toEqual( [] );
	} );

	it( 'gives up a step as soon as a stop comes, and starts none after', async () => {
		const supervisor = new Supervisor();
		const never = new Promise<number>( () => {
			// Never settles.
		} );
		const step = supervisor.step( never );
		supervisor.stop( 'SIGTERM received' );
		await expect( step ).rejects.toBeInstanceOf( Stopped );
		await expect( supervisor.step( Promise.resolve( 1 ) ) ).rejects.toBeInstanceOf( Stopped );
		expect( () => supervisor.run( 'late', process.execPath, [ '-e', '' ], { cwd: process.cwd(), env: process.env } ) ).toThrow( Stopped );
	} );

	it( 'passes a step\'s result and failure through', async () => {
		const supervisor = new Supervisor();
		await expect( supervisor.step( Promise.resolve( 42 ) ) ).resolves.toBe( 42 );
		await expect( supervisor.step( Promise.reject( new Error( 'deploy failed' ) ) ) ).rejects.toThrow( 'deploy failed' );
		expect( supervisor.stopping ).toBe( false );
	} );

	it( 'reports a child\'s exit code and forgets it once it has ended', async () => {
		const supervisor = new Supervisor();
		const child = supervisor.run( 'a step', process.execPath, [ '-e', 'process.exit( 3 )' ], { cwd: process.cwd(), env: process.env } );
		await expect( child.exited ).resolves.toBe( 3 );
		await expect.poll( () => supervisor.running ).toEqual( [] );
	} );

	it( 'stops a child with its whole process group, even what ignores SIGTERM', async () => {
		const supervisor = new Supervisor();
		// A parent that ignores SIGTERM, with a grandchild in its group that does too.
		const script = [
			'process.on( "SIGTERM", () => undefined );',
			'const { spawn } = require( "node:child_process" );',
			'const grandchild = spawn( process.execPath, [ "-e", "process.on( \'SIGTERM\', () => undefined ); setInterval( () => undefined, 1000 ); console.log( \'up\' )" ], { stdio: [ "ignore", "inherit", "inherit" ] } );',
			'setInterval( () => undefined, 1000 );',
		].join( '\n' );
		const child = supervisor.run( 'a stubborn step', process.execPath, [ '-e', script ], { cwd: process.cwd(), env: process.env } );
		await expect.poll( () => groupMembers( child.pid ).length, { timeout: 5000 } ).toBe( 2 );
		const problems = await supervisor.shutdown();
		expect( problems ).toEqual( [] );
		expect( groupMembers( child.pid ) ).toEqual( [] );
		await expect( child.exited ).resolves.toBe( 'SIGKILL' );
	}, 20000 );
} );
