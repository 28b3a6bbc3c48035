<?xml version="1.0" encoding="UTF-8"?>
<!-- A ticket mail of kind "status": an agent changed the status (data as in
     ticket-common.xsl, plus <status/> and, for pending, <reason/>). -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="layout.xsl"/>
  <xsl:include href="ticket-common.xsl"/>

  <xsl:variable name="kind" select="'status'"/>

</xsl:stylesheet>
