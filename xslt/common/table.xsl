<?xml version="1.0" encoding="UTF-8"?>
<!-- Tables inside rich text (article bodies, FAQ answers): each <table> is
     put in the same scrollable region as every other table of the portal
     (xslt/README, "Tables"; CSS .table-scroll in portico.css), so a wide
     table scrolls sideways on a phone instead of widening the page, and the
     keyboard reaches it.

     Use it instead of copy-of on the sanitised body:
       <xsl:apply-templates select="$a/body/node()" mode="pt-rich-text"/>

     Only tables and the elements that contain one are visited; everything
     else is copied whole with copy-of, which keeps a body without tables
     as cheap as a plain copy-of (a generic identity transform over the
     whole body costs ~40 % more, DESIGN.md section 2).

     Include it (xsl:include) from any view, fragments too: the region's
     name comes from the catalogue (tables.region, with {n}) through pt:t. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <!-- Anything without a table below it: copied as it is. -->
  <xsl:template match="node()" mode="pt-rich-text">
    <xsl:copy-of select="."/>
  </xsl:template>

  <!-- An element that holds a table somewhere below: copied shallowly, its
       children visited. -->
  <xsl:template match="*[.//table]" mode="pt-rich-text">
    <xsl:copy>
      <xsl:copy-of select="@*"/>
      <xsl:apply-templates select="node()" mode="pt-rich-text"/>
    </xsl:copy>
  </xsl:template>

  <!-- A table: copied whole (tables nested in it included) inside the
       region. The region is named by the table's caption, else "Table N"
       (N counting the tables of the page), so each has its own name. -->
  <xsl:template match="table" mode="pt-rich-text" priority="1">
    <div class="table-scroll" role="region" tabindex="0">
      <xsl:attribute name="aria-label">
        <xsl:choose>
          <xsl:when test="normalize-space(caption) != ''">
            <xsl:value-of select="normalize-space(caption)"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:variable name="text" select="pt:t('tables.region')"/>
            <xsl:value-of select="concat(substring-before($text, '{n}'),
                count(preceding::table[not(ancestor::table)]) + 1, substring-after($text, '{n}'))"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:copy-of select="."/>
    </div>
  </xsl:template>

</xsl:stylesheet>
