/**
 * What `npm start` started, and how it stops: on Ctrl-C, on SIGTERM, or as soon
 * as one of its parts fails, everything started is stopped, last started first,
 * and the first reason given is the one reported.
 */
import { spawn } from 'node:child_process';
import { stopProcessGroup } from '../local-wiki/server';

export interface Outcome {
	/** Why everything stops, for a person: "Ctrl-C", "the bot stopped by itself (exit code 1)"… */
	reason: string;
	/** True for a failure (npm start then exits non-zero), false when asked to stop. */
	failed: boolean;
}

/** Thrown by Supervisor.step and Supervisor.run once stopping has begun. */
export class Stopped extends Error {
	public override name = 'Stopped';
}

interface Part {
	name: string;
	/** Resolves with what to report, if not "Stopped NAME." */
	stop: () => Promise<string | void>;
}

export class Supervisor {
	/** Resolves with the first reason to stop. */
	public readonly stopped: Promise<Outcome>;

	private outcome: Outcome | null = null;

	private settle: ( outcome: Outcome ) => void = () => undefined;

	private readonly parts: Part[] = [];

	public constructor() {
		this.stopped = new Promise( ( resolve ) => {
			this.settle = resolve;
		} );
	}

	public get stopping(): boolean {
		return this.outcome !== null;
	}

	/** Ask everything to stop; a later reason is ignored. */
	public stop( reason: string, failed = false ): void {
		if ( this.outcome ) {
			return;
		}
		this.outcome = { reason: reason, failed: failed };
		this.settle( this.outcome );
	}

	/**
	 * Remember how to stop the part NAME, before starting it, so that a stop
	 * during its start stops it too. Returns a function that forgets it (once the
	 * part has ended by itself).
	 */
	public started( name: string, stop: () => Promise<string | void> ): () => void {
		const part = { name: name, stop: stop };
		this.parts.push( part );
		return () => {
			const index = this.parts.indexOf( part );
			if ( index !== -1 ) {
				this.parts.splice( index, 1 );
			}
		};
	}

	/** The names of the parts still to stop, first started first. */
	public get running(): string[] {
		return this.parts.map( ( part ) => part.name );
	}

	/** WORK's result, unless a stop comes first: then Stopped is thrown at once. */
	public async step<T>( work: Promise<T> ): Promise<T> {
		if ( this.stopping ) {
			throw new Stopped( 'stopping' );
		}
		const stopped = this.stopped.then( () => {
			throw new Stopped( 'stopping' );
		} );
		return Promise.race( [ work, stopped ] );
	}

	/**
	 * Stop every part, last started first; a part that fails to stop does not keep
	 * the others running. Resolves with what went wrong, one line per part.
	 */
	public async shutdown( log: ( line: string ) => void = () => undefined ): Promise<string[]> {
		this.stop( 'stopping', false );
		const problems: string[] = [];
		while ( this.parts.length > 0 ) {
			const part = this.parts.pop() as Part;
			try {
				log( await part.stop() || `Stopped ${ part.name }.` );
			} catch ( error ) {
				problems.push( `${ part.name }: ${ error instanceof Error ? error.message : String( error ) }` );
			}
		}
		return problems;
	}

	/**
	 * Run a child process in a process group of its own (so that it and every
	 * process it starts are stopped together), standard output and error shown.
	 * It is stopped with the rest until it ends; `exited` resolves with its exit
	 * code, or with the signal's name.
	 */
	public run( name: string, command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv } ): {
		pid: number; exited: Promise<number | string>;
	} {
		if ( this.stopping ) {
			throw new Stopped( 'stopping' );
		}
		const child = spawn( command, args, {
			cwd: options.cwd, env: options.env, stdio: [ 'ignore', 'inherit', 'inherit' ], detached: true,
		} );
		let failure = '';
		child.once( 'error', ( error ) => {
			failure = error.message;
		} );
		if ( child.pid === undefined ) {
			throw new Error( `Could not start ${ name }${ failure ? ': ' + failure : '' }.` );
		}
		const pid = child.pid;
		const forget = this.started( name, async () => {
			await stopProcessGroup( pid );
		} );
		const exited = new Promise<number | string>( ( resolve ) => {
			child.once( 'exit', ( code, signal ) => {
				resolve( code === null ? String( signal ) : code );
			} );
		} );
		// What it started may outlive it: forget the group only once it is empty.
		exited.then( () => stopProcessGroup( pid ) ).then( forget, forget );
		return { pid: pid, exited: exited };
	}
}
