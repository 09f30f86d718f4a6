# gnuplot side of the nplot_* rows (bench/peer_gnuplot.py fills the @...@ fields): what
# nplot does by default -- the first CSV column as x, one line per other column titled by
# its header, x label from the header, an 800x600 px PNG (pngcairo).
set terminal pngcairo size 800,600
set output '@PNG@'
set datafile separator ','
set key autotitle columnhead
set xlabel '@XLABEL@'
plot for [k=2:@NCOLS@] '@CSV@' using 1:k with lines
