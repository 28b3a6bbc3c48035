<?xml version="1.0" encoding="UTF-8"?>
<!-- What the desk's own pages share (included after tickets-common.xsl):
     the pager of a list whose links keep the list's query. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <!-- pager (the context node): "page 2 of 5 (103 tickets)" and the links
       previous and next, to $href followed by the page number. $items
       names what is counted: tickets or canned (catalogue keys
       tickets.desk.pager.<items> and .<items>-more). -->
  <xsl:template name="tk-desk-pager">
    <xsl:param name="href"/>
    <xsl:param name="items" select="'tickets'"/>
    <xsl:param name="has-rows" select="true()"/>
    <nav class="pager" aria-label="{pt:t(concat('tickets.desk.pager.label.', $items))}">
      <p class="pager-status">
        <xsl:variable name="key">
          <xsl:choose>
            <xsl:when test="@more = '1'"><xsl:value-of select="concat('tickets.desk.pager.', $items, '-more')"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="concat('tickets.desk.pager.', $items)"/></xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:variable name="text" select="pt:t($key)"/>
        <xsl:value-of select="concat(substring-before($text, '{page}'), @page,
            substring-before(substring-after($text, '{page}'), '{pages}'), @pages,
            substring-before(substring-after($text, '{pages}'), '{total}'), @total,
            substring-after($text, '{total}'))"/>
      </p>
      <xsl:if test="@pages &gt; 1 or @more = '1'">
        <ul class="pager-links">
          <xsl:if test="@page &gt; 1">
            <li><a rel="prev" href="{$href}{@page - 1}"><xsl:value-of select="pt:t('tickets.pager.prev')"/></a></li>
          </xsl:if>
          <xsl:if test="@page &lt; @pages or (@more = '1' and $has-rows)">
            <li><a rel="next" href="{$href}{@page + 1}"><xsl:value-of select="pt:t('tickets.pager.next')"/></a></li>
          </xsl:if>
        </ul>
      </xsl:if>
    </nav>
  </xsl:template>

</xsl:stylesheet>
