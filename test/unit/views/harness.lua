-- Runs Module:Helpdesk views outside MediaWiki, for test/unit/views/lua.test.ts:
-- Scribunto's own mw.text and mw.html (pure Lua), and stubs of what needs PHP
-- (mw.loadJsonData over the tables in PAGES, mw.language, mw.title, the frame).
-- Globals set by the test before this runs: LUALIB (Scribunto's lualib folder),
-- MODULE, REQUEST_MODULE (paths of the modules), PAGES (title → table), LANG.
package.path = LUALIB .. '/?.lua;' .. LUALIB .. '/ustring/?.lua;' .. package.path

-- Scribunto's pairs and ipairs honour __pairs and __ipairs (read-only data tables).
local rawpairs, rawipairs = pairs, ipairs
function pairs( t )
	local mt = getmetatable( t )
	if mt and mt.__pairs then
		return mt.__pairs( t )
	end
	return rawpairs( t )
end
function ipairs( t )
	local mt = getmetatable( t )
	if mt and mt.__ipairs then
		return mt.__ipairs( t )
	end
	return rawipairs( t )
end

mw = {}
mw.ustring = require( 'ustring' )
mw_interface = {}
dofile( LUALIB .. '/mw.text.lua' ).setupInterface( { nowiki_protocols = {} } )
mw_interface = {}
mw.html = dofile( LUALIB .. '/mw.html.lua' )
mw.html.setupInterface( { uniqPrefix = '\127\'"`UNIQ-', uniqSuffix = '-QINU`"\'\127' } )

-- A read-only view of a table, as mw.loadJsonData gives: # and next() do not work on it.
local function readOnly( data )
	if type( data ) ~= 'table' then
		return data
	end
	return setmetatable( {}, {
		__index = function ( _, key ) return readOnly( data[ key ] ) end,
		__newindex = function () error( 'table from mw.loadJsonData() must not be modified' ) end,
		__pairs = function ()
			return function ( _, key )
				local k, v = next( data, key )
				return k, readOnly( v )
			end, nil, nil
		end,
		__ipairs = function ()
			return function ( _, i )
				i = i + 1
				if data[ i ] ~= nil then
					return i, readOnly( data[ i ] )
				end
			end, nil, 0
		end,
	} )
end

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
