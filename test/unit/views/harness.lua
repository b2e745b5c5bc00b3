-- Runs Module:Helpdesk views outside MediaWiki, for test/unit/views/lua.test.ts:
-- Scribunto's own mw.text and mw.html (pure Lua), and stubs of what needs PHP
-- (mw.loadJsonData over the tables in PAGES, mw.language, mw.title, the frame).
-- Globals set by the test before this runs: LUALIB (Scribunto's lualib folder),
-- MODULE, REQUEST_MODULE (paths of the modules), PAGES (title → table), LANG.
dofile( SCRIBUNTO_STUBS )

LOADS = 0
function mw.loadJsonData( title )
	LOADS = LOADS + 1
	if PAGES[ title ] == nil then
		error( "bad argument #1 to 'mw.loadJsonData' ('" .. title .. "' is not a valid JSON page)" )
	end
	return readOnly( PAGES[ title ] )
end

mw.title = {
	new = function ( title ) return { exists = PAGES[ title ] ~= nil, prefixedText = title } end,
}

local function formatNum( code, n )
	local s = tostring( n )
	local int, frac = s:match( '^(%-?%d+)(%.?%d*)$' )
	if not int then
		return s
	end
	local sep = code == 'sv' and '\194\160' or ','
	int = int:reverse():gsub( '(%d%d%d)', '%1' .. sep ):reverse():gsub( '^' .. sep, '' ):gsub( '^%-' .. sep, '-' )
	if code == 'sv' then
		frac = frac:gsub( '%.', ',' )
	end
	return int .. frac
end

mw.language = {
	new = function ( code )
		return {
			formatNum = function ( _, n ) return formatNum( code, n ) end,
			plural = function ( _, n, forms )
				if n == 1 then
					return forms[ 1 ]
				end
				return forms[ 2 ] or forms[ 1 ]
			end,
			formatDate = function ( _, format, date )
				if not date:match( '^%d%d%d%d%-%d%d%-%d%d$' ) then
					error( 'bad date' )
				end
				return '(' .. code .. ' date ' .. date .. ')'
			end,
			isRTL = function () return code == 'ar' end,
			getCode = function () return code end,
		}
	end,
	fetchLanguageName = function ( code, inLanguage )
		local names = { en = { sv = 'Swedish', pt = 'Portuguese' }, sv = { sv = 'svenska', pt = 'portugisiska' } }
		return names[ inLanguage ] and names[ inLanguage ][ code ] or ''
	end,
}

package.preload[ 'Module:Helpdesk request' ] = function () return dofile( REQUEST_MODULE ) end
views = dofile( MODULE )

COUNTRY_NAMES = { SE = 'Sweden', BR = 'Brazil', KE = 'Kenya', EG = 'Egypt' }
EXPANDED = 0
function frame( args )
	return {
		args = args or {},
		preprocess = function ( _, text )
			if text == '{{int:helpdesk-views-lang}}' then
				return LANG or 'en'
			end
			return text
		end,
		expandTemplate = function ( _, spec )
			EXPANDED = EXPANDED + 1
			return COUNTRY_NAMES[ spec.args[ 1 ] ] or spec.args[ 1 ]
		end,
	}
end
