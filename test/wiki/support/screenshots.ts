/**
 * Screenshots in test-artifacts/, taken once nothing moves on the page.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS, screenshot } from '../../../scripts/lib/browser/chromium';

/** Until nothing moves on the page (dialogs and notifications fade in). */
export async function settled( page: Page ): Promise<void> {
	await page.waitForFunction( () => document.getAnimations().every( ( animation ) => animation.playState !== 'running' ) );
}

/**
 * A screenshot of what the viewport shows, in test-artifacts/, once nothing moves
 * and with the mouse off the page (nothing shown in its hover state).
 */
export async function viewportScreenshot( page: Page, name: string ): Promise<string> {
	await page.mouse.move( 0, 0 );
	await settled( page );
	const path = resolve( ARTIFACTS, name + '.png' );
	mkdirSync( ARTIFACTS, { recursive: true } );
	await page.screenshot( { path: path } );
	return path;
}

/** A screenshot of the whole page, as viewportScreenshot. */
export async function fullPageScreenshot( page: Page, name: string ): Promise<string> {
	await page.mouse.move( 0, 0 );
	await settled( page );
	return screenshot( page, name );
}
