#!/usr/bin/perl
# Writes an Outlook .msg file (an OLE compound file of MAPI properties, MS-OXMSG) holding a
# subject, a sender, a date, a plain-text body and attached files, so that the tests can read
# a real .msg through msgconvert without shipping anyone's e-mail. Needs OLE::Storage_Lite
# (Debian's libole-storage-lite-perl, which libemail-outlook-message-perl brings in).
#
#   tools/make_msg.pl OUT.msg "Subject" sender@example.org 2026-11-20T09:30:00Z "Body" [FILE...]
use strict;
use warnings;
use Encode qw(encode);
use File::Basename qw(basename);
use OLE::Storage_Lite;

my ($out, $subject, $sender, $date, $body, @files) = @ARGV;
die "usage: $0 OUT.msg SUBJECT SENDER DATE BODY [FILE...]\n" unless defined $body;

sub name { OLE::Storage_Lite::Asc2Ucs($_[0]) }
sub unicode { encode('UTF-16LE', $_[0] . "\0") }
# A string property, in a stream of its own: __substg1.0_ + tag + 001F (PT_UNICODE).
sub string_stream { OLE::Storage_Lite::PPS::File->new(name(sprintf('__substg1.0_%s001F', $_[0])), unicode($_[1])) }
# The properties stream: a header of `$header` bytes, then 16 bytes per fixed-size property.
sub properties {
    my ($header, @fixed) = @_;
    my $data = $header;
    while (my ($tag, $value) = splice(@fixed, 0, 2)) { $data .= pack('V V', $tag, 6) . $value }
    return OLE::Storage_Lite::PPS::File->new(name('__properties_version1.0'), $data);
}

my ($y, $mo, $d, $h, $mi, $s) = $date =~ /^(\d+)-(\d+)-(\d+)T(\d+):(\d+):(\d+)Z$/ or die "date as YYYY-MM-DDTHH:MM:SSZ\n";
my $filetime = OLE::Storage_Lite::LocalDate2OLE([$s, $mi, $h, $d, $mo - 1, $y - 1900]);
# Transport headers as Outlook keeps them; msgconvert adds the date from PR_CLIENT_SUBMIT_TIME.
my $headers = "From: $sender\r\nSubject: $subject\r\n";

my @children = (
    string_stream('001A', 'IPM.Note'),
    string_stream('0037', $subject),
    string_stream('0C1A', $sender),
    string_stream('0C1E', 'SMTP'),
    string_stream('0C1F', $sender),
    string_stream('1000', $body),
    string_stream('007D', $headers),
);
my $index = 0;
for my $file (@files) {
    open(my $fh, '<:raw', $file) or die "$file: $!\n";
    my $content = do { local $/; <$fh> };
    close $fh;
    my $storage = OLE::Storage_Lite::PPS::Dir->new(name(sprintf('__attach_version1.0_#%08X', $index)), undef, undef, [
        properties("\0" x 8, 0x37050003, pack('V x4', 1)),  # PR_ATTACH_METHOD: ATTACH_BY_VALUE
        OLE::Storage_Lite::PPS::File->new(name('__substg1.0_37010102'), $content),
        string_stream('3707', basename($file)),
        string_stream('3704', basename($file)),
    ]);
    push @children, $storage;
    $index++;
}
# The top-level header: 8 reserved bytes, next recipient and attachment ids, their counts, 8 reserved.
unshift @children, properties(pack('x8 V V V V x8', 0, $index, 0, $index), 0x00390040, $filetime);
my $root = OLE::Storage_Lite::PPS::Root->new(undef, undef, \@children);
$root->save($out) or die "could not write $out\n";
