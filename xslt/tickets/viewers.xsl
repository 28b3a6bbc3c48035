<?xml version="1.0" encoding="UTF-8"?>
<!-- Who else has a ticket open (view "viewers"): an HTML fragment, not a
     page, that htdocs/js/tickets-desk.js puts in place of the notice on
     the ticket page every half minute. Like kb/suggest.xsl it does not
     import layout.xsl. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    exclude-result-prefixes="">

  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:include href="ticket-viewers.xsl"/>

  <xsl:template match="/">
    <div class="tk-viewers">
      <xsl:for-each select="page/viewers">
        <xsl:call-template name="tk-viewers-text"/>
      </xsl:for-each>
    </div>
  </xsl:template>

</xsl:stylesheet>
