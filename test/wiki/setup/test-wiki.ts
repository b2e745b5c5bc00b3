/**
 * A throwaway local wiki for tests: its own temporary folder and a free port,
 * so the developer's .wiki/ is never touched.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	createLocalWiki, LocalWiki, LocalWikiError, startWiki, stopWiki,
} from '../../../scripts/local-wiki/index';
import { freePort } from '../../../scripts/local-wiki/ports';
import { Mwn } from 'mwn';

export { freePort };

/** Wikimedia's User-Agent policy, kept locally too: name the tool and a contact. */
export const TEST_USER_AGENT = 'HelpdeskTests (https://meta.wikimedia.org/wiki/Content_Partnerships_Hub/Helpdesk; helpdesk@wikimedia.se) mwn';

/** The local wiki's administrator, logged in with its bot password (formatversion 2). */
export function adminSession( wiki: LocalWiki ): Promise<Mwn> {
	return Mwn.init( {
		apiUrl: wiki.apiUrl, username: wiki.credentials.admin.botUsername, password: wiki.credentials.admin.botPassword,
		userAgent: TEST_USER_AGENT, silent: true, defaultParams: { formatversion: 2 },
	} );
}

export interface TestWiki {
	wiki: LocalWiki;
	/** Stops the server (its whole process group) and deletes the folder. */
	teardown: () => Promise<void>;
}

export async function createTestWiki( siteName = 'Helpdesk test wiki' ): Promise<TestWiki> {
	const dir = await mkdtemp( join( tmpdir(), 'helpdesk-test-wiki-' ) );
	const teardown = async (): Promise<void> => {
		await stopWiki( { dir: dir } );
		await rm( dir, { recursive: true, force: true } );
	};
	try {
		let wiki = await createLocalWiki( { dir: dir, port: await freePort(), siteName: siteName } );
		// Someone may take the free port before PHP does: then try another.
		for ( let attempt = 1; ; attempt++ ) {
			try {
				await startWiki( wiki );
				return { wiki: wiki, teardown: teardown };
			} catch ( error ) {
				if ( !( error instanceof LocalWikiError && error.code === 'port-in-use' ) || attempt === 3 ) {
					throw error;
				}
				wiki = await createLocalWiki( { dir: dir, port: await freePort(), siteName: siteName } );
			}
		}
	} catch ( error ) {
		await teardown();
		throw error;
	}
}
