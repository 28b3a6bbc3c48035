<?xml version="1.0" encoding="UTF-8"?>
<!-- The preview of a service's form (view "admin-preview", permission
     tickets.admin): the customers' own view of the form (new.xsl, imported
     so that its templates draw it), below a note that sending it only
     checks the answers. Data as for "new": ticket-form and form ticket. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="new.xsl"/>
  <xsl:include href="admin-common.xsl"/>

  <!-- No knowledge base articles while an admin tries the form: the
       customers' form reports the articles it shows as a filing, and a
       preview is none. -->
  <xsl:template name="tk-deflect-live"/>

  <xsl:template match="page" mode="content">
    <xsl:variable name="s" select="ticket-form/service"/>
    <div class="tka-preview-note">
      <p class="back-link"><a href="/tickets/admin/services/{$s/@id}/form"><xsl:value-of select="pt:t('tickets.admin.back.form')"/></a></p>
      <p class="alert alert-info tka-preview-alert">
        <xsl:value-of select="pt:t('tickets.admin.preview.note')"/>
        <xsl:if test="$s/@active = '0'">
          <xsl:text> </xsl:text>
          <xsl:value-of select="pt:t('tickets.admin.preview.inactive')"/>
        </xsl:if>
      </p>
    </div>
    <div class="tka-preview">
      <xsl:apply-imports/>
    </div>
  </xsl:template>

</xsl:stylesheet>
