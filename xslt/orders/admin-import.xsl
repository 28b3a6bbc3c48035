<?xml version="1.0" encoding="UTF-8"?>
<!-- Upload a price list (view "admin-import", catalogue.manage): the
     format, the file field, a refused file's errors by line, and the
     recent imports. Data: /page/or-import (after a refused upload),
     /page/or-imports. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="orders-common.xsl"/>
  <xsl:include href="import-common.xsl"/>

  <xsl:template match="page" mode="title"><xsl:value-of select="pt:t('orders.import.title')"/></xsl:template>

  <xsl:template match="page" mode="content">
    <div class="admin-head">
      <div>
        <h1><xsl:value-of select="pt:t('orders.import.title')"/></h1>
        <p class="lead"><xsl:value-of select="pt:t('orders.import.lead')"/></p>
      </div>
    </div>
    <xsl:call-template name="or-tabs"><xsl:with-param name="current" select="'import'"/></xsl:call-template>
    <xsl:call-template name="or-import-errors"/>
    <section class="card form-card" aria-labelledby="upload-title">
      <h2 id="upload-title"><xsl:value-of select="pt:t('orders.import.upload')"/></h2>
      <p><xsl:value-of select="pt:t('orders.import.format')"/></p>
      <pre class="or-example">sku,currency,price
PX-200,EUR,890.00
PX-200,GBP,765.40
VS-3-M,CHF,"235,20"</pre>
      <p class="hint"><xsl:value-of select="pt:t('orders.import.format.more')"/></p>
      <form class="form" method="post" action="/orders/admin/import" enctype="multipart/form-data" novalidate="novalidate">
        <input type="hidden" name="csrf" value="{$pt-csrf}"/>
        <div>
          <xsl:call-template name="or-field-class"><xsl:with-param name="name" select="'file'"/></xsl:call-template>
          <xsl:call-template name="or-label">
            <xsl:with-param name="name" select="'file'"/>
            <xsl:with-param name="label-key" select="'orders.import.file'"/>
            <xsl:with-param name="hint-key" select="'orders.import.file.hint'"/>
            <xsl:with-param name="required" select="true()"/>
          </xsl:call-template>
          <input type="file" id="file" name="file" accept=".csv,text/csv">
            <xsl:call-template name="or-aria">
              <xsl:with-param name="name" select="'file'"/>
              <xsl:with-param name="hint" select="true()"/>
            </xsl:call-template>
          </input>
        </div>
        <button type="submit" class="btn btn-primary"><xsl:value-of select="pt:t('orders.import.check')"/></button>
      </form>
    </section>

    <xsl:if test="/page/or-imports/import">
      <h2 id="recent-title"><xsl:value-of select="pt:t('orders.import.recent')"/></h2>
      <div class="table-scroll" role="region" tabindex="0" aria-labelledby="recent-title">
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col"><xsl:value-of select="pt:t('orders.import.col.file')"/></th>
              <th scope="col"><xsl:value-of select="pt:t('orders.import.col.by')"/></th>
              <th scope="col"><xsl:value-of select="pt:t('orders.import.col.uploaded')"/></th>
              <th scope="col" class="num"><xsl:value-of select="pt:t('orders.import.col.lines')"/></th>
              <th scope="col"><xsl:value-of select="pt:t('orders.col.status')"/></th>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="/page/or-imports/import">
              <tr>
                <th scope="row"><a href="/orders/admin/import/{@id}"><xsl:value-of select="."/></a></th>
                <td><xsl:value-of select="@by"/></td>
                <td>
                  <xsl:call-template name="pt-datetime">
                    <xsl:with-param name="iso" select="string(@created)"/>
                    <xsl:with-param name="style" select="'relative'"/>
                  </xsl:call-template>
                </td>
                <td class="num"><xsl:value-of select="@lines"/></td>
                <td>
                  <xsl:choose>
                    <xsl:when test="@applied"><span class="status-badge status-active"><xsl:value-of select="pt:t('orders.import.status.applied')"/></span></xsl:when>
                    <xsl:otherwise><span class="status-badge"><xsl:value-of select="pt:t('orders.import.status.checked')"/></span></xsl:otherwise>
                  </xsl:choose>
                </td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
