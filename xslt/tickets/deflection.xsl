<?xml version="1.0" encoding="UTF-8"?>
<!-- The deflection figure per service (view "deflection", for agents and
     the dashboard's readers): deflection-figures with periods, one
     service[@slug @filings @with-suggestions @opened @answered @raised
     @deflected] each, and their total. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="tickets-common.xsl"/>
  <xsl:include href="survey-figures.xsl"/>

  <xsl:variable name="d" select="/page/deflection-figures"/>

  <xsl:template match="page" mode="title">
    <xsl:value-of select="pt:t('title.deflection')"/>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <div class="admin-head">
      <div>
        <h1><xsl:value-of select="pt:t('title.deflection')"/></h1>
        <p class="lead"><xsl:value-of select="pt:t('tickets.deflection.lead')"/></p>
      </div>
    </div>
    <xsl:apply-templates select="$d/periods"><xsl:with-param name="base" select="'/tickets/deflection'"/></xsl:apply-templates>
    <xsl:choose>
      <xsl:when test="$d/service">
        <div class="table-scroll" role="region" tabindex="0" aria-labelledby="deflection-caption">
          <table class="data-table tk-figures">
            <caption id="deflection-caption" class="visually-hidden"><xsl:value-of select="pt:t('title.deflection')"/></caption>
            <thead>
              <tr>
                <th scope="col"><xsl:value-of select="pt:t('tickets.deflection.col.service')"/></th>
                <xsl:for-each select="$d/total/@*">
                  <th scope="col" class="num"><xsl:value-of select="pt:t(concat('tickets.deflection.col.', name()))"/></th>
                </xsl:for-each>
                <th scope="col" class="num"><xsl:value-of select="pt:t('tickets.deflection.col.rate')"/></th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="$d/service">
                <tr>
                  <th scope="row"><xsl:value-of select="."/></th>
                  <xsl:call-template name="tk-deflection-cells"/>
                </tr>
              </xsl:for-each>
            </tbody>
            <tfoot>
              <tr>
                <th scope="row"><xsl:value-of select="pt:t('tickets.deflection.total')"/></th>
                <xsl:for-each select="$d/total"><xsl:call-template name="tk-deflection-cells"/></xsl:for-each>
              </tr>
            </tfoot>
          </table>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <p class="empty-state"><xsl:value-of select="pt:t('tickets.deflection.none')"/></p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The figures of the current service (or total), in the order of the total's attributes. -->
  <xsl:template name="tk-deflection-cells">
    <xsl:variable name="row" select="."/>
    <xsl:for-each select="$d/total/@*">
      <xsl:variable name="name" select="name()"/>
      <td class="num"><xsl:value-of select="$row/@*[name() = $name]"/></td>
    </xsl:for-each>
    <td class="num">
      <xsl:call-template name="tk-percent">
        <xsl:with-param name="part" select="$row/@deflected"/>
        <xsl:with-param name="whole" select="$row/@filings"/>
      </xsl:call-template>
    </td>
  </xsl:template>

</xsl:stylesheet>
